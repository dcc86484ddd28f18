/// The version of Gradus, shown by `gradus --version` and part of every cache key.
public enum GradusVersion {
    public static let current = "0.1.0"
}
