window.GRADUS_SEARCH_TEXT = window.GRADUS_SEARCH_TEXT || {};
window.GRADUS_SEARCH_TEXT["de/second"] = [
"bad"];
