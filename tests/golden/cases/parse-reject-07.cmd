parse
%95≥
