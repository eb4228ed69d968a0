parse
--actual
96þ%
