test
-v
@TMP@/places.test
