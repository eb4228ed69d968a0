#pragma once
// A grammar that includes the engine: grammars are rules only.
#include "engine/base/number.hpp"
