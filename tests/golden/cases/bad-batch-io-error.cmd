batch
/proc/self/mem
