/// GradusRender: see ../shared/DESIGN.md for its job.
public enum GradusRenderModule {}
