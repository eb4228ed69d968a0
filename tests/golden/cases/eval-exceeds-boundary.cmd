eval
超过95%
95%
