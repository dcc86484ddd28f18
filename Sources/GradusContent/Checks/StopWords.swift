/// The profile of each language the wrong-language check knows: its most frequent function words (articles,
/// pronouns, prepositions, conjunctions, common auxiliaries) and the letters it writes that others rarely do.
/// A word ending in an apostrophe is an elided form that starts a word (French and Italian `l'`, `dell'`).
///
/// Among pt, de and en, words spelt the same ("a", "in", "an", "am", "das", "so", "was", "um", "da", "no", "do",
/// "as", "also") are left out, since they would vote for both; for the other languages the identifier drops, at
/// run time, whatever two of the languages it compares share (French and Spanish "que", Italian and French "il").
enum StopWords {
    static let lists: [String: Set<String>] = [
        "pt": [
            "o", "os", "e", "é", "de", "dos", "em", "na", "nas", "nos", "num", "numa", "uma", "umas", "uns",
            "que", "para", "com", "não", "se", "por", "pelo", "pela", "pelos", "pelas", "mais", "mas", "como", "ao",
            "aos", "à", "às", "ou", "quando", "muito", "muita", "também", "já", "está", "estão", "são", "foi", "ser",
            "ter", "tem", "têm", "isso", "isto", "esse", "essa", "este", "esta", "ele", "ela", "eles", "elas", "seu",
            "sua", "seus", "suas", "entre", "depois", "antes", "sem", "sobre", "até", "cada", "onde", "há", "pode",
            "podem", "nem", "quem", "você", "vocês", "nós", "meu", "minha", "ainda", "porque", "então", "mesmo",
            "bem", "só", "todos", "todas", "outro", "outra", "qual", "quais", "lhe", "dele", "dela", "aqui",
        ],
        "de": [
            "der", "die", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "und", "ist",
            "sind", "nicht", "mit", "von", "zu", "zum", "zur", "auf", "für", "sich", "auch", "dass", "wie", "aber",
            "oder", "wenn", "noch", "nur", "bei", "nach", "aus", "durch", "über", "unter", "wird", "werden", "wurde",
            "kann", "können", "hat", "haben", "ich", "du", "wir", "ihr", "sie", "es", "er", "sein", "seine", "ihre",
            "diese", "dieser", "dieses", "diesen", "man", "schon", "sehr", "dann", "weil", "immer", "jeder", "jede",
            "jedes", "mehr", "ohne", "gegen", "vom", "beim", "zwischen", "etwas", "hier", "denn", "uns", "euch",
            "wo", "wer", "heute", "einmal", "keine", "kein", "viel", "viele", "ob", "doch", "während", "bis", "im",
        ],
        "en": [
            "the", "of", "and", "to", "is", "are", "that", "for", "it", "with", "on", "by", "this", "be", "from",
            "at", "or", "which", "not", "but", "have", "has", "had", "they", "their", "we", "our", "you", "your",
            "its", "can", "more", "than", "when", "what", "there", "these", "those", "would", "could", "should",
            "into", "each", "other", "only", "been", "were", "if", "how", "then", "them", "about", "after", "before",
            "because", "while", "where", "who", "all", "some", "any", "does", "did", "very", "just", "over", "under",
            "between", "without", "through", "every", "my", "his", "her", "she", "he", "us", "it's", "don't",
        ],
        "es": [
            "el", "los", "las", "del", "al", "un", "una", "unos", "unas", "y", "o", "pero", "que", "de", "en", "con",
            "por", "para", "sin", "sobre", "entre", "hasta", "desde", "hacia", "según", "es", "son", "está", "están",
            "fue", "ser", "estar", "ha", "han", "hay", "había", "puede", "pueden", "se", "lo", "le", "les", "su",
            "sus", "nos", "este", "esta", "estos", "estas", "ese", "esa", "esos", "esas", "él", "ella", "ellos",
            "ellas", "yo", "tú", "usted", "nosotros", "también", "muy", "más", "ya", "cuando", "donde", "porque",
            "como", "cada", "todo", "todos", "toda", "todas", "otro", "otra", "otros", "mismo", "misma", "aunque",
            "entonces", "así", "bien", "cual", "cuál", "qué", "quien", "ni", "mucho", "muchos", "aquí", "después",
            "antes", "siempre", "nunca", "tiene", "tienen",
        ],
        "fr": [
            "le", "la", "les", "un", "une", "des", "du", "au", "aux", "et", "ou", "mais", "donc", "ni", "que", "qui",
            "dont", "où", "de", "dans", "en", "par", "pour", "sur", "sous", "avec", "sans", "entre", "vers", "chez",
            "est", "sont", "était", "été", "être", "avoir", "ont", "peut", "peuvent", "fait", "ne", "pas", "plus",
            "moins", "très", "aussi", "bien", "encore", "déjà", "toujours", "jamais", "ce", "cet", "cette", "ces",
            "il", "elle", "ils", "elles", "on", "nous", "vous", "je", "tu", "leur", "leurs", "son", "sa", "ses",
            "notre", "votre", "se", "y", "lui", "même", "tout", "tous", "toute", "toutes", "chaque", "quand",
            "lorsque", "comme", "si", "alors", "après", "avant", "ainsi", "cela", "ça", "celui", "celle", "autre",
            "autres", "l'", "d'", "qu'", "n'", "s'", "c'", "j'", "jusqu'", "lorsqu'",
        ],
        "it": [
            "il", "lo", "la", "gli", "le", "un", "uno", "una", "del", "dello", "della", "dei", "degli", "delle", "al",
            "allo", "alla", "ai", "agli", "alle", "nel", "nello", "nella", "nei", "negli", "nelle", "sul", "sulla",
            "dal", "dalla", "e", "ed", "o", "ma", "però", "che", "chi", "cui", "di", "per", "con", "tra", "fra", "su",
            "è", "sono", "era", "stato", "stata", "essere", "ha", "hanno", "aveva", "può", "possono", "non", "si",
            "ci", "ne", "anche", "più", "molto", "già", "ancora", "sempre", "mai", "questo", "questa", "questi",
            "queste", "quello", "quella", "quelli", "loro", "suo", "sua", "suoi", "sue", "noi", "voi", "io", "lui",
            "lei", "ogni", "tutto", "tutti", "tutta", "tutte", "quando", "dove", "come", "perché", "se", "allora",
            "quindi", "dopo", "prima", "senza", "così", "altro", "altra", "altri", "stesso", "solo", "l'", "dell'",
            "all'", "nell'", "dall'", "sull'", "un'", "c'",
        ],
    ]

    /// Letters each language writes and the others it is told apart from rarely do; each scores half a word.
    static let letters: [String: Set<Character>] = [
        "pt": ["ã", "õ", "ç"],
        "de": ["ä", "ö", "ü", "ß"],
        "en": [],
        "es": ["ñ", "¿", "¡"],
        "fr": ["œ", "è", "ù", "û", "î", "ï", "ë", "ç"],
        "it": ["ò", "ì", "è", "ù"],
    ]
}
