import GradusContent

/// The words of the course `gradus init` writes, in each language it has them for: the course page and a sample
/// lesson that shows one of everything a lesson can hold (a formula, a simulation, each kind of question). Content
/// for the author to replace, not interface words: a language without its own text gets the English one.
struct StarterText: Sendable {
    var courseTitle: String
    var courseDescription: String
    var introduction: String
    var lessonTitle: String
    var lessonSummary: String
    /// The sample lesson's body, after its front matter.
    var lesson: String
    /// The distractor pool of the not-mentioned question: items the lesson never names.
    var pool: String
    /// The placeholders of `gradus new lesson`.
    var newLesson: LessonSkeleton.Words

    /// The text for `code`, and whether it is that language's own (false: the English text stands in).
    static func forLanguage(_ code: String) -> (text: StarterText, native: Bool) {
        switch code {
        case "en": return (english, true)
        case "pt": return (portuguese, true)
        case "de": return (german, true)
        case "fr": return (french, true)
        default: return (english, false)
        }
    }

    /// Every language's text.
    static let all = [english, portuguese, german, french]

    static let english = StarterText(
        courseTitle: "My course",
        courseDescription: "A course made with Gradus.",
        introduction: "Welcome. Each lesson of this course is a Markdown file in `content/lessons/`.\n",
        lessonTitle: "Getting started",
        lessonSummary: "What a lesson can hold: text, a formula, a simulation and questions.",
        lesson: """
        ## Writing a lesson {#writing}

        A lesson is one Markdown file per language in `content/lessons/`, named `NN-slug.LANG.md`. Give a heading the \
        same `{#id}` in every language, so that links and translations line up.

        ## A formula {#formula}

        The logistic sigmoid maps any number to a value between 0 and 1:

        $$\\sigma(z) = \\frac{1}{1 + e^{-z}}$$

        Its derivative, $\\sigma'(z) = \\sigma(z)\\,(1 - \\sigma(z))$, is never larger than $1/4$.

        ## A simulation {#simulation}

        Gradus computes the table below when it builds the site.

        ::: simulation activation-derivatives
        caption: The sigmoid, tanh and ReLU, and their derivatives.
        steps: 8
        :::

        ## What a lesson can hold {#parts}

        - Formulas
        - Simulations
        - Questions

        ## Questions {#questions}

        ::: quiz
        id: getting-started/largest-derivative
        ### What is the largest value of $\\sigma'(z)$?

        - [x] $1/4$
          It is reached at $z = 0$, where $\\sigma(z) = 1/2$.
        - [ ] $1/2$
          That is $\\sigma(0)$ itself, not its slope.
        - [ ] $1$
          With $p = \\sigma(z)$, $p(1 - p)$ never comes close to it.

        > $\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))$; with $p = \\sigma(z)$, $p(1 - p)$ is largest at $p = 1/2$, that is at $z = 0$.
        :::

        ::: quiz numeric
        id: getting-started/slope-at-zero
        ### What is $\\sigma'(0)$? Type a number.
        answer: 0.25
        > $\\sigma(0) = 1/2$, so $\\sigma'(0) = \\frac{1}{2} \\cdot \\frac{1}{2} = 1/4$.
        :::

        ::: quiz computed
        id: getting-started/slope-at-z
        generator: sigmoid-slope
        ### Given $\\sigma({z}) = {s}$, what is $\\sigma'({z})$?
        > $\\sigma'(z) = \\sigma(z)(1 - \\sigma(z)) = {s} \\cdot (1 - {s}) = {answer}$.
        :::

        ::: quiz
        id: getting-started/file-name
        ### Which parts make up a lesson's file name?

        - [x] A number that orders the lessons
        - [x] A slug that names the lesson in web addresses
        - [x] A language code
        - [ ] The name of the author

        > `NN-slug.LANG.md`: number, slug and language code.
        :::

        ::: quiz true-false
        id: getting-started/computed
        answer: true
        ### The numbers in this lesson's table are computed when the site is built.
        > Gradus runs the simulation during the build and keeps the table in `.gradus-cache/`.
        :::

        ::: quiz not-mentioned
        id: getting-started/not-mentioned
        list: parts
        pool: parts
        choices: 3
        :::

        """,
        pool: "- Videos\n- Spreadsheets\n- Slides\n",
        newLesson: LessonSkeleton.Words(title: "New lesson", heading: "First section", text: "Write the lesson here.", statement: "Write a true statement here."))

    static let portuguese = StarterText(
        courseTitle: "Meu curso",
        courseDescription: "Um curso feito com o Gradus.",
        introduction: "Boas-vindas! Cada lição deste curso é um arquivo Markdown em `content/lessons/`.\n",
        lessonTitle: "Primeiros passos",
        lessonSummary: "O que cabe numa lição: texto, uma fórmula, uma simulação e perguntas.",
        lesson: """
        ## Como escrever uma lição {#writing}

        Uma lição é um arquivo Markdown por idioma em `content/lessons/`, com o nome `NN-slug.LANG.md`. Dê a cada \
        título o mesmo `{#id}` em todos os idiomas, para que os links e as traduções fiquem alinhados.

        ## Uma fórmula {#formula}

        A sigmoide logística leva qualquer número a um valor entre 0 e 1:

        $$\\sigma(z) = \\frac{1}{1 + e^{-z}}$$

        Sua derivada, $\\sigma'(z) = \\sigma(z)\\,(1 - \\sigma(z))$, nunca passa de $1/4$.

        ## Uma simulação {#simulation}

        O Gradus calcula a tabela abaixo quando gera o site.

        ::: simulation activation-derivatives
        caption: A sigmoide, a tanh, a ReLU e suas derivadas.
        steps: 8
        :::

        ## O que cabe numa lição {#parts}

        - Fórmulas
        - Simulações
        - Perguntas

        ## Perguntas {#questions}

        ::: quiz
        id: getting-started/largest-derivative
        ### Qual é o maior valor de $\\sigma'(z)$?

        - [x] $1/4$
          Ele é atingido em $z = 0$, onde $\\sigma(z) = 1/2$.
        - [ ] $1/2$
          Esse é o próprio $\\sigma(0)$, não sua inclinação.
        - [ ] $1$
          Com $p = \\sigma(z)$, $p(1 - p)$ nunca chega perto disso.

        > $\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))$; com $p = \\sigma(z)$, $p(1 - p)$ é máximo em $p = 1/2$, isto é, em $z = 0$.
        :::

        ::: quiz numeric
        id: getting-started/slope-at-zero
        ### Quanto vale $\\sigma'(0)$? Digite um número.
        answer: 0.25
        > $\\sigma(0) = 1/2$, então $\\sigma'(0) = \\frac{1}{2} \\cdot \\frac{1}{2} = 1/4$.
        :::

        ::: quiz computed
        id: getting-started/slope-at-z
        generator: sigmoid-slope
        ### Sabendo que $\\sigma({z}) = {s}$, quanto vale $\\sigma'({z})$?
        > $\\sigma'(z) = \\sigma(z)(1 - \\sigma(z)) = {s} \\cdot (1 - {s}) = {answer}$.
        :::

        ::: quiz
        id: getting-started/file-name
        ### Quais partes compõem o nome do arquivo de uma lição?

        - [x] Um número que ordena as lições
        - [x] Um slug que dá nome à lição nos endereços da web
        - [x] Um código de idioma
        - [ ] O nome do autor

        > `NN-slug.LANG.md`: número, slug e código de idioma.
        :::

        ::: quiz true-false
        id: getting-started/computed
        answer: true
        ### Os números da tabela desta lição são calculados quando o site é gerado.
        > O Gradus executa a simulação durante a geração do site e guarda a tabela em `.gradus-cache/`.
        :::

        ::: quiz not-mentioned
        id: getting-started/not-mentioned
        list: parts
        pool: parts
        choices: 3
        :::

        """,
        pool: "- Vídeos\n- Planilhas\n- Slides\n",
        newLesson: LessonSkeleton.Words(title: "Nova lição", heading: "Primeira seção", text: "Escreva a lição aqui.", statement: "Escreva aqui uma afirmação verdadeira."))

    static let german = StarterText(
        courseTitle: "Mein Kurs",
        courseDescription: "Ein mit Gradus erstellter Kurs.",
        introduction: "Willkommen! Jede Lektion dieses Kurses ist eine Markdown-Datei in `content/lessons/`.\n",
        lessonTitle: "Erste Schritte",
        lessonSummary: "Was eine Lektion enthalten kann: Text, eine Formel, eine Simulation und Fragen.",
        lesson: """
        ## Eine Lektion schreiben {#writing}

        Eine Lektion ist eine Markdown-Datei pro Sprache in `content/lessons/` mit dem Namen `NN-slug.LANG.md`. Gib \
        derselben Überschrift in allen Sprachfassungen dieselbe `{#id}`, damit Links und Übersetzungen übereinstimmen.

        ## Eine Formel {#formula}

        Die logistische Sigmoidfunktion bildet jede Zahl auf einen Wert zwischen 0 und 1 ab:

        $$\\sigma(z) = \\frac{1}{1 + e^{-z}}$$

        Ihre Ableitung, $\\sigma'(z) = \\sigma(z)\\,(1 - \\sigma(z))$, ist nie größer als $1/4$.

        ## Eine Simulation {#simulation}

        Gradus berechnet die folgende Tabelle beim Erstellen der Website.

        ::: simulation activation-derivatives
        caption: Sigmoid, tanh, ReLU und ihre Ableitungen.
        steps: 8
        :::

        ## Was eine Lektion enthalten kann {#parts}

        - Formeln
        - Simulationen
        - Fragen

        ## Fragen {#questions}

        ::: quiz
        id: getting-started/largest-derivative
        ### Was ist der größte Wert von $\\sigma'(z)$?

        - [x] $1/4$
          Er wird bei $z = 0$ erreicht, wo $\\sigma(z) = 1/2$ ist.
        - [ ] $1/2$
          Das ist der Funktionswert $\\sigma(0)$, nicht die Steigung dort.
        - [ ] $1$
          Mit $p = \\sigma(z)$ ist $p(1 - p)$ höchstens $1/4$, also weit von 1 entfernt.

        > $\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))$; mit $p = \\sigma(z)$ ist $p(1 - p)$ bei $p = 1/2$, also bei $z = 0$, am größten.
        :::

        ::: quiz numeric
        id: getting-started/slope-at-zero
        ### Wie groß ist $\\sigma'(0)$? Gib eine Zahl ein.
        answer: 0.25
        > $\\sigma(0) = 1/2$, also ist $\\sigma'(0) = \\frac{1}{2} \\cdot \\frac{1}{2} = 1/4$.
        :::

        ::: quiz computed
        id: getting-started/slope-at-z
        generator: sigmoid-slope
        ### Es gilt $\\sigma({z}) = {s}$. Wie groß ist $\\sigma'({z})$?
        > $\\sigma'(z) = \\sigma(z)(1 - \\sigma(z)) = {s} \\cdot (1 - {s}) = {answer}$.
        :::

        ::: quiz
        id: getting-started/file-name
        ### Aus welchen Teilen besteht der Dateiname einer Lektion?

        - [x] Eine Nummer, die die Lektionen ordnet
        - [x] Ein Slug, der die Lektion in Webadressen benennt
        - [x] Ein Sprachcode
        - [ ] Der Name des Autors

        > `NN-slug.LANG.md`: Nummer, Slug und Sprachcode.
        :::

        ::: quiz true-false
        id: getting-started/computed
        answer: true
        ### Die Zahlen in der Tabelle dieser Lektion werden beim Erstellen der Website berechnet.
        > Gradus führt die Simulation beim Erstellen aus und legt die Tabelle in `.gradus-cache/` ab.
        :::

        ::: quiz not-mentioned
        id: getting-started/not-mentioned
        list: parts
        pool: parts
        choices: 3
        :::

        """,
        pool: "- Videos\n- Arbeitsblätter\n- Folien\n",
        newLesson: LessonSkeleton.Words(title: "Neue Lektion", heading: "Erster Abschnitt", text: "Schreib hier die Lektion.", statement: "Schreib hier eine wahre Aussage."))

    static let french = StarterText(
        courseTitle: "Mon cours",
        courseDescription: "Un cours réalisé avec Gradus.",
        introduction: "Bienvenue\u{202F}! Chaque leçon de ce cours est un fichier Markdown dans `content/lessons/`.\n",
        lessonTitle: "Premiers pas",
        lessonSummary: "Ce que peut contenir une leçon\u{00A0}: du texte, une formule, une simulation et des questions.",
        lesson: """
        ## Écrire une leçon {#writing}

        Une leçon est un fichier Markdown par langue dans `content/lessons/`, nommé `NN-slug.LANG.md`. Donnez à \
        chaque titre le même `{#id}` dans toutes les langues, pour que liens et traductions concordent.

        ## Une formule {#formula}

        La fonction sigmoïde (logistique) associe à tout réel une valeur strictement comprise entre 0 et 1\u{00A0}:

        $$\\sigma(z) = \\frac{1}{1 + e^{-z}}$$

        Sa dérivée, $\\sigma'(z) = \\sigma(z)\\,(1 - \\sigma(z))$, ne dépasse jamais $1/4$.

        ## Une simulation {#simulation}

        Gradus calcule le tableau ci-dessous lors de la génération du site.

        ::: simulation activation-derivatives
        caption: Les fonctions sigmoïde, tanh et ReLU, et leurs dérivées.
        steps: 8
        :::

        ## Ce que peut contenir une leçon {#parts}

        - Des formules
        - Des simulations
        - Des questions

        ## Questions {#questions}

        ::: quiz
        id: getting-started/largest-derivative
        ### Quelle est la plus grande valeur de $\\sigma'(z)$\u{202F}?

        - [x] $1/4$
          Elle est atteinte en $z = 0$, où $\\sigma(z) = 1/2$.
        - [ ] $1/2$
          C'est $\\sigma(0)$, la valeur de la fonction en 0, pas sa pente.
        - [ ] $1$
          Avec $p = \\sigma(z)$, $p(1 - p)$ n'en approche jamais.

        > $\\sigma'(z) = \\sigma(z)(1 - \\sigma(z))$\u{00A0}; avec $p = \\sigma(z)$, $p(1 - p)$ est maximal pour $p = 1/2$, c'est-à-dire en $z = 0$.
        :::

        ::: quiz numeric
        id: getting-started/slope-at-zero
        ### Que vaut $\\sigma'(0)$\u{202F}? Tapez un nombre.
        answer: 0.25
        > $\\sigma(0) = 1/2$, donc $\\sigma'(0) = \\frac{1}{2} \\cdot \\frac{1}{2} = 1/4$.
        :::

        ::: quiz computed
        id: getting-started/slope-at-z
        generator: sigmoid-slope
        ### Sachant que $\\sigma({z}) = {s}$, que vaut $\\sigma'({z})$\u{202F}?
        > $\\sigma'(z) = \\sigma(z)(1 - \\sigma(z)) = {s} \\cdot (1 - {s}) = {answer}$.
        :::

        ::: quiz
        id: getting-started/file-name
        ### De quelles parties se compose le nom de fichier d'une leçon\u{202F}?

        - [x] Un numéro qui fixe l'ordre des leçons
        - [x] Un identifiant court (slug) qui désigne la leçon dans les URL
        - [x] Un code de langue
        - [ ] Le nom de l'auteur

        > `NN-slug.LANG.md`\u{00A0}: numéro, slug et code de langue.
        :::

        ::: quiz true-false
        id: getting-started/computed
        answer: true
        ### Les nombres du tableau de cette leçon sont calculés lors de la génération du site.
        > Gradus exécute la simulation pendant la génération du site et conserve le tableau dans `.gradus-cache/`.
        :::

        ::: quiz not-mentioned
        id: getting-started/not-mentioned
        list: parts
        pool: parts
        choices: 3
        :::

        """,
        pool: "- Des vidéos\n- Des tableurs\n- Des diapositives\n",
        newLesson: LessonSkeleton.Words(title: "Nouvelle leçon", heading: "Première section", text: "Écrivez la leçon ici.", statement: "Écrivez ici une affirmation vraie."))
}
