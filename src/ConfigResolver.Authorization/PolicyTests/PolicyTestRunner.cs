using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using ConfigResolver.Authorization.Compilation;
using ConfigResolver.Policy.Diagnostics;

namespace ConfigResolver.Authorization.PolicyTests;

/// <summary>
/// Runs policy test suites: each suite's fixtures are loaded into an in-memory store, resolved by the real
/// configuration resolver (with an empty environment, so results do not depend on the machine), joined with the
/// compiled policy exactly as the service joins a real store, and every case is checked and explained.
/// </summary>
/// <remarks>Stateless; safe for concurrent use.</remarks>
public static partial class PolicyTestRunner
{
    /// <summary>Runs the policy's test suites.</summary>
    /// <param name="policy">The compiled policy with its suites.</param>
    /// <param name="filter">Runs only cases whose suite or case name contains this text (case-insensitive); all when null.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>One result per case that ran.</returns>
    public static async Task<PolicyTestReport> RunAsync(CompiledPolicy policy, string? filter = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var results = ImmutableArray.CreateBuilder<PolicyTestCaseResult>();
        foreach (var suite in policy.Tests)
        {
            var cases = suite.Document.Cases.Where(c => filter is null
                || suite.Name.Contains(filter, StringComparison.OrdinalIgnoreCase)
                || c.Name.Value.Contains(filter, StringComparison.OrdinalIgnoreCase)).ToList();
            if (cases.Count == 0)
            {
                continue;
            }

            var facts = await FixtureFacts.BuildAsync(suite, cancellationToken).ConfigureAwait(false);
            var snapshot = AuthorizationSnapshot.Create(policy, facts, new AuthorizationOptions { EnableDecisionCache = false });
            foreach (var c in cases)
            {
                cancellationToken.ThrowIfCancellationRequested();
                results.Add(RunCase(snapshot, suite, c));
            }
        }

        return new PolicyTestReport(results.ToImmutable());
    }

    private static PolicyTestCaseResult RunCase(AuthorizationSnapshot snapshot, PolicyTestSuite suite, Loading.TestCaseDeclaration c)
    {
        PolicyTestCaseResult Result(bool? actual, ImmutableArray<string> reasons, string? error) =>
            new(suite.Name, c.Name.Value, c.Name.File, c.Name.Line, c.Name.Column, c.ExpectAllow, actual, c.Reason, reasons, error);

        try
        {
            var principal = PrincipalOf(suite, c);
            var context = ContextOf(c);
            var explanation = snapshot.Check(principal, c.Org.Value, c.Action, c.Resource, context).Explain();
            var reasons = explanation.WhyNot is { } whyNot ? explanation.Reasons.Add("why not: " + whyNot) : explanation.Reasons;
            reasons = reasons.Select(r => NameUsers(suite, r)).ToImmutableArray();
            var error = c.Reason is { } expected && !reasons.Any(r => r.Contains(expected, StringComparison.Ordinal))
                ? $"expected a reason containing '{expected}'"
                : null;
            return Result(explanation.Allowed, reasons, error);
        }
        catch (Exception e) when (e is PolicyEvaluationException or FormatException)
        {
            return Result(null, [], e.Message);
        }
    }

    // Explanations name users by id; a suite's users are known by their fixture names, which is what its author reads
    // and may quote in an expected reason.
    private static string NameUsers(PolicyTestSuite suite, string reason)
    {
        foreach (var (name, id) in suite.Users)
        {
            reason = reason.Replace(id.ToString("D"), name, StringComparison.Ordinal);
        }

        return reason;
    }

    private static Principal PrincipalOf(PolicyTestSuite suite, Loading.TestCaseDeclaration c)
    {
        if (c.User is { } user)
        {
            return Principal.ForUser(suite.Users[user.Value]);
        }

        var key = suite.ApiKeys[c.ApiKey!.Value.Value];
        return Principal.ForApiKey(key.Name.Value, key.Org.Value, key.Scopes.Select(static s => s.Value), key.User is { } owner ? suite.Users[owner.Value] : null);
    }

    private static CheckContext? ContextOf(Loading.TestCaseDeclaration c)
    {
        if (c.Time is null && c.ClientIp is null && c.ResourceAttributes is null)
        {
            return null;
        }

        IReadOnlyDictionary<string, object?>? attributes = null;
        if (c.ResourceAttributes is { } json)
        {
            using var document = JsonDocument.Parse(json.ToJsonString());
            attributes = document.RootElement.EnumerateObject().ToDictionary(static p => p.Name, static p => (object?)p.Value.Clone(), StringComparer.Ordinal);
        }

        return new CheckContext
        {
            Time = c.Time is null ? null : DateTimeOffset.Parse(c.Time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            ClientIp = c.ClientIp,
            ResourceAttributes = attributes,
        };
    }
}
