/// GradusMath: see ../shared/DESIGN.md for its job.
public enum GradusMathModule {}
