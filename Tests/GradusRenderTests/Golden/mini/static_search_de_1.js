window.GRADUS_SEARCH_TEXT = window.GRADUS_SEARCH_TEXT || {};
window.GRADUS_SEARCH_TEXT["de/first"] = [
"Text mit x² und einem Link zur zweiten Lektion."];
window.GRADUS_SEARCH_TEXT["de/second"] = [
"bad"];
