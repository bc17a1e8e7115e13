using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Policy;

namespace ConfigResolver.Cli.Rendering;

/// <summary>
/// Where <c>cfgr enforce</c> prints each request's answer: <c>true</c>/<c>false</c>, the <c>--explain</c> object, or
/// <c>error: ...</c>; with <c>--json</c> every line is an object with its request line number
/// (<c>{"line":3,"allowed":true}</c>, <c>{"line":4,"error":{"code":"CLI1001","message":"..."}}</c>).
/// </summary>
/// <param name="context">The command's context.</param>
/// <param name="explain">Whether to print the deciding rule and the revision.</param>
/// <param name="json">Whether every line is a JSON object.</param>
internal sealed class RequestOutput(CommandContext context, bool explain, bool json)
{
    /// <summary>Whether the deciding rule is wanted (the caller then asks the engine for it).</summary>
    public bool Explain => explain;

    /// <summary>Prints a plain decision.</summary>
    /// <param name="line">The request's line number.</param>
    /// <param name="allowed">The decision.</param>
    public void Decision(int line, bool allowed)
    {
        if (json)
        {
            context.PrintJson(new { line, allowed });
        }
        else
        {
            context.Print(DecisionRenderer.Decision(allowed));
        }
    }

    /// <summary>Prints a decision with the rule that decided it.</summary>
    /// <param name="line">The request's line number.</param>
    /// <param name="result">The engine's answer.</param>
    public void Explained(int line, EnforceResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (json)
        {
            context.PrintJson(new { line, allowed = result.Allowed, explain = result.Explain.ToArray(), revision = result.Revision });
        }
        else
        {
            context.Print(DecisionRenderer.Explained(result));
        }
    }

    /// <summary>Prints a request that could not be decided.</summary>
    /// <param name="line">The request's line number.</param>
    /// <param name="code">The problem's code.</param>
    /// <param name="message">What is wrong.</param>
    public void Error(int line, string code, string message)
    {
        if (json)
        {
            context.PrintJson(new { line, error = new { code, message = DiagnosticRenderer.OneLine(message) } });
        }
        else
        {
            context.Print(DecisionRenderer.Error(message));
        }
    }
}
