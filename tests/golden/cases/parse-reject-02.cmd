parse
=95%%
