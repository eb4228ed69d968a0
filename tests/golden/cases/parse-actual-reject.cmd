parse
--actual
约 98%
