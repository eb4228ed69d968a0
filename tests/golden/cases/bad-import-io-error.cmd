import
/proc/self/mem
-o
-
