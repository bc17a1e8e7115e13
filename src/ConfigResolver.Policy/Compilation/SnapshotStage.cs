namespace ConfigResolver.Policy.Compilation;

/// <summary>One named stage of <see cref="PolicySnapshotBuilder.Stages"/>.</summary>
/// <param name="Name">The stage's name, as tests and timings refer to it.</param>
/// <param name="Run">Reads the earlier stages' artifacts from the build and adds its own (or diagnostics).</param>
/// <param name="StopsOnErrors">Whether the build ends after this stage when any problem has been found.</param>
internal sealed record SnapshotStage(string Name, Action<SnapshotBuild> Run, bool StopsOnErrors);
