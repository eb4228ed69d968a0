parse
﻿≥95%
