parse
﻿
