#pragma once
// Sideways into a grammar the stage does not link.
#include "grammar/lexicon.hpp"
