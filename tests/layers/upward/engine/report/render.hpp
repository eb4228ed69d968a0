#pragma once
// Allowed: report links assess, which links base.
#include "engine/assess/report.hpp"
#include "engine/base/number.hpp"
