using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Inputs;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Policy;
using ConfigResolver.Policy.Diagnostics;
using ConfigResolver.Policy.Model;

namespace ConfigResolver.Cli.Commands;

/// <summary>
/// <c>cfgr enforce</c>: loads a Casbin model and policy, applies a corpus-style setup, and prints one decision per
/// request line. A request the engine cannot evaluate prints <c>error: ...</c> on its line and the run goes on.
/// </summary>
internal sealed class EnforceCommand : ICliCommand
{
    /// <summary>Code of a requests-file line that is not a JSON array.</summary>
    public const string RequestSyntax = "CLI1001";

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
        new OptionSpec("--explain", null, "Print {\"allowed\":...,\"explain\":[...],\"revision\":...} per request instead of true/false."))
    {
        Description = """
            Prints one line per request: true or false, or with --explain a JSON object naming the rule that decided.
            A request that cannot be evaluated prints 'error: <message>' on its line and the run continues.
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
        if (enforcer is null)
        {
            return Task.FromResult(ExitCodes.Failed);
        }

        setup?.ApplyTo(enforcer);
        var requests = context.ReadText(requestsPath, "requests", MaxRequestsBytes);
        var failed = Decide(context, enforcer, enforceContext, requestsPath, requests, args.Has("--explain"), cancellationToken);
        return Task.FromResult(failed ? ExitCodes.Failed : ExitCodes.Ok);
    }

    /// <summary>Reads model and policy, reporting the problems of both before giving up.</summary>
    private static Enforcer? Load(CommandContext context, string modelPath, string? policyPath)
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

        foreach (var line in DiagnosticRenderer.RenderAll(diagnostics))
        {
            context.Report(line);
        }

        return null;
    }

    /// <summary>Decides every request line; returns whether a line was malformed.</summary>
    private static bool Decide(CommandContext context, Enforcer enforcer, EnforceContext enforceContext, string path, string text,
        bool explain, CancellationToken cancellationToken)
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
                context.Print(DecisionRenderer.Error($"line {lineNumber}: {error}"));
                context.Report(DiagnosticRenderer.Render(path, lineNumber, column, "error", RequestSyntax, null, error!));
                continue;
            }

            try
            {
                context.Print(explain
                    ? DecisionRenderer.Explained(enforcer.EnforceEx(enforceContext, request))
                    : DecisionRenderer.Decision(enforcer.Enforce(enforceContext, request)));
            }
            catch (PolicyEvaluationException e)
            {
                context.Print(DecisionRenderer.Error(e.Message));
            }
        }

        return failed;
    }
}
