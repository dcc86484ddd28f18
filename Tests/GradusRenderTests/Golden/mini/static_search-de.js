window.GRADUS_SEARCH = window.GRADUS_SEARCH || {};
window.GRADUS_SEARCH["de"] = {
"lessons": ["first","Erste Lektion","second","Second"],
"sections": [0,"start","Hier anfangen",1,"end","The end"],
"words": "!bad!einem!lektion#ink!mit!text!und!x²!zur#weiten",
"postings": "2 0 0 0 0 0 0 0 0 0",
"shards": [1,1]};
