/// GradusSimulation: see ../shared/DESIGN.md for its job.
public enum GradusSimulationModule {}
