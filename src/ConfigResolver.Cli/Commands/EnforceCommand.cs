using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Inputs;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Diagnostics;
using ConfigResolver.Policy;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Model;
using ConfigResolver.Policy.Parsing;

namespace ConfigResolver.Cli.Commands;

/// <summary>
/// <c>cfgr enforce</c>: loads a Casbin model and policy, applies a corpus-style setup, and prints one decision per
/// request line. A request the engine cannot evaluate prints <c>error: ...</c> on its line and the run goes on.
/// </summary>
internal sealed class EnforceCommand : ICliCommand
{
    /// <summary>The size limit of a requests file and of a policy file: 64 MiB, as the engine's (a model file keeps the default 4 MiB).</summary>
    private const long MaxRequestsBytes = 64L << 20;

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "enforce",
        "Decide Casbin requests from a JSON-lines file against a model and a policy.",
        new OptionSpec("--model", "M.conf", "Casbin model (.conf).", Required: true),
        new OptionSpec("--policy", "P.csv", "Casbin policy (.csv); none when left out."),
        new OptionSpec("--setup", "json", "Setup object: {\"matching_functions\": {\"g\": \"keyMatch2\"}, \"domain_matching_functions\": {...}, \"accept_json_request\": true}."),
        new OptionSpec("--context", "r,p,e,m", "Enforce context: request, policy, effect and matcher keys, e.g. r2,p2,e2,m2."),
        new OptionSpec("--requests", "R.jsonl", "One JSON array of request values per line ('-' reads standard input).", Required: true),
        new OptionSpec("--explain", null, "Print {\"allowed\":...,\"explain\":[...],\"revision\":...} per request instead of true/false."),
        new OptionSpec("--json", null, "Print one JSON object per request line: {\"line\", \"allowed\"} (plus explain and revision with --explain) or {\"line\", \"error\"}."))
    {
        Description = """
            Prints one line per request: true or false, or with --explain a JSON object naming the rule that decided.
            A denied request is an answer, not a failure: the exit code stays 0. A request the engine cannot evaluate
            prints 'error: <message>' on its line and the run continues (exit 0, as Go casbin returns such errors as
            answers); a line that is not a JSON array is an input error (exit 1, also reported on standard error).
            Model and policy problems are printed to standard error as file:line:col: error CODE: message (exit 1).
            """,
    };

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var args = context.Arguments;
        var enforceContext = args.Value("--context") is { } keys ? ContextOption.Parse(keys, Spec) : EnforceContext.Default;
        var setup = args.Value("--setup") is { } json ? EnforceSetup.Parse(json) : null;
        var requestsPath = args.Required("--requests");

        var enforcer = Load(context, args.Required("--model"), args.Value("--policy"));
        setup?.ApplyTo(enforcer);
        var requests = context.ReadText(requestsPath, "requests", MaxRequestsBytes);
        var output = new RequestOutput(context, args.Has("--explain"), args.Json);
        var failed = Decide(context, enforcer, enforceContext, requestsPath, requests, output, cancellationToken);
        return Task.FromResult(failed ? ExitCodes.Failed : ExitCodes.Ok);
    }

    /// <summary>Reads model and policy; the problems of both are thrown together (<see cref="CliApp"/> prints them, exit 1).</summary>
    internal static Enforcer Load(CommandContext context, string modelPath, string? policyPath)
    {
        var diagnostics = new List<Diagnostic>();
        PolicyModel? model = null;
        try
        {
            model = PolicyModel.Parse(context.ReadText(modelPath, "model"), modelPath);
        }
        catch (PolicyCompilationException e)
        {
            diagnostics.AddRange(e.Diagnostics);
        }

        var lines = policyPath is null ? [] : PolicyCsv.Parse(context.ReadText(policyPath, "policy", MaxRequestsBytes), policyPath, diagnostics);
        if (model is not null && diagnostics.Count == 0)
        {
            try
            {
                return new Enforcer(model, lines, policyPath);
            }
            catch (PolicyCompilationException e)
            {
                diagnostics.AddRange(e.Diagnostics);
            }
        }

        throw new PolicyCompilationException(diagnostics);
    }

    /// <summary>Decides every request line; returns whether a line was malformed.</summary>
    private static bool Decide(CommandContext context, Enforcer enforcer, EnforceContext enforceContext, string path, string text,
        RequestOutput output, CancellationToken cancellationToken)
    {
        var failed = false;
        var lineNumber = 0;
        foreach (var line in text.Split('\n'))
        {
            cancellationToken.ThrowIfCancellationRequested();
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            if (!RequestLine.TryParse(line, out var request, out var column, out var error))
            {
                failed = true;
                output.Error(lineNumber, CliDiagnosticCodes.RequestSyntax, $"line {lineNumber}: {error}");
                context.Report(DiagnosticRenderer.Render(new Diagnostic(CliDiagnosticCodes.RequestSyntax, error!, path, lineNumber, column)));
                continue;
            }

            try
            {
                if (output.Explain)
                {
                    output.Explained(lineNumber, enforcer.EnforceEx(enforceContext, request));
                }
                else
                {
                    output.Decision(lineNumber, enforcer.Enforce(enforceContext, request));
                }
            }
            catch (PolicyEvaluationException e)
            {
                output.Error(lineNumber, CliDiagnosticCodes.RequestNotEvaluated, e.Message);
            }
        }

        return failed;
    }
}
