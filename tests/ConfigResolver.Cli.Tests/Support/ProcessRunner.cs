using System.Diagnostics;

namespace ConfigResolver.Cli.Tests.Support;

/// <summary>Runs an external program with a time limit and captures its output; a timeout kills it and fails the test.</summary>
internal static class ProcessRunner
{
    /// <summary>The <c>dotnet</c> that runs the tests (<c>DOTNET_HOST_PATH</c>), else the one on the path.</summary>
    public static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    /// <summary>Runs a program to completion.</summary>
    /// <param name="fileName">The program.</param>
    /// <param name="workingDirectory">Its working directory.</param>
    /// <param name="timeout">How long it may take.</param>
    /// <param name="args">Its arguments.</param>
    /// <returns>The exit code and the output.</returns>
    public static (int ExitCode, string Stdout, string Stderr) Run(string fileName, string workingDirectory, TimeSpan timeout, params string[] args) =>
        Run(fileName, workingDirectory, timeout, standardInput: [], args);

    /// <summary>Runs a program to completion with bytes on its standard input.</summary>
    /// <param name="fileName">The program.</param>
    /// <param name="workingDirectory">Its working directory.</param>
    /// <param name="timeout">How long it may take.</param>
    /// <param name="standardInput">The bytes written to its standard input before it is closed.</param>
    /// <param name="args">Its arguments.</param>
    /// <returns>The exit code and the output.</returns>
    public static (int ExitCode, string Stdout, string Stderr) Run(string fileName, string workingDirectory, TimeSpan timeout, byte[] standardInput, params string[] args)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        start.Environment.Remove("CFGR_DB");
        using var process = Process.Start(start)!;
        process.StandardInput.BaseStream.Write(standardInput);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"'{fileName} {string.Join(' ', args)}' did not finish within {timeout}.");
        }

        process.WaitForExit();
        return (process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }
}
