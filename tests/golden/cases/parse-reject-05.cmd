parse
290$
