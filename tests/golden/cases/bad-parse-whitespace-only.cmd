parse
 	　 
