/// Function words of each language that the others do not share: articles, pronouns, prepositions,
/// conjunctions and common auxiliaries. Words spelt the same in two of the languages ("a", "in", "an", "am", "das",
/// "so", "was", "um", "da", "no", "do", "as", "also") are left out, since they would vote for both.
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
    ]
}
