#pragma once
// A base header that reaches up into the report stage: the check must list it.
#include <string>

#include "engine/base/unit.hpp"
#include "engine/report/render.hpp"
