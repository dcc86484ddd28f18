/// GradusContent: see ../shared/DESIGN.md for its job.
public enum GradusContentModule {}
