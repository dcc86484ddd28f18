enum BuildCommand { static let spec = CommandSpec(name: "build", summary: "", synopsis: "", options: [], examples: [], run: { _, _ in .success }) }
enum QuizCommand { static let spec = CommandSpec(name: "quiz", summary: "", synopsis: "", options: [], examples: [], run: { _, _ in .success }) }
