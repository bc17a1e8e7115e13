using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Tests.Support;

namespace ConfigResolver.Cli.Tests.CommandLine;

/// <summary>The demo's hints run where the user is: the installed tool, or the project in a clone.</summary>
public sealed class InvocationTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("cfgr-invocation-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void An_installed_tool_is_called_cfgr()
    {
        var tool = Directory.CreateDirectory(Path.Combine(_root, ".store", "cfgr", "0.9.0", "tools", "net10.0", "any")).FullName;
        File.WriteAllText(Path.Combine(tool, "DotnetToolSettings.xml"), "<DotNetCliTool />");

        Assert.Equal("cfgr", Invocation.Detect(tool, _root));
    }

    [Fact]
    public void A_build_in_a_clone_is_run_through_its_project_relative_to_the_working_directory()
    {
        var project = Directory.CreateDirectory(Path.Combine(_root, "src", "ConfigResolver.Cli")).FullName;
        File.WriteAllText(Path.Combine(project, "ConfigResolver.Cli.csproj"), "<Project />");
        var output = Directory.CreateDirectory(Path.Combine(project, "bin", "Debug", "net10.0")).FullName;

        Assert.Equal("dotnet run --project src/ConfigResolver.Cli --", Invocation.Detect(output, _root));
        Assert.Equal("dotnet run --project ConfigResolver.Cli --", Invocation.Detect(output, Path.Combine(_root, "src")));
        var elsewhere = Directory.CreateDirectory(Path.Combine(_root, "elsewhere")).FullName;
        Assert.Equal($"dotnet run --project {project.Replace('\\', '/')} --", Invocation.Detect(output, elsewhere));
    }

    [Fact]
    public void Anything_else_is_called_cfgr() => Assert.Equal("cfgr", Invocation.Detect(_root, _root));

    [Fact]
    public void The_demo_prints_its_hints_the_way_cfgr_was_started()
    {
        using var sandbox = new CliSandbox { Invocation = "dotnet run --project src/ConfigResolver.Cli --" };

        var demo = sandbox.Run("--db", "demo.db", "demo");

        var hints = demo.StdoutLines.Where(static l => l.StartsWith("  dotnet run --project src/ConfigResolver.Cli -- ", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, hints.Count);
        Assert.DoesNotContain(demo.StdoutLines, static l => l.StartsWith("  cfgr ", StringComparison.Ordinal));
    }
}
