using System.Text.Json;
using ConfigResolver.Authorization;
using ConfigResolver.Authorization.Compilation;
using ConfigResolver.Authorization.Impact;
using ConfigResolver.Authorization.Loading;
using ConfigResolver.Authorization.PolicyTests;
using ConfigResolver.Policy.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ConfigResolver.Playground;

/// <summary>
/// The playground's JSON endpoints. Each compiles the working copy it is sent (never writing anything) and answers with
/// <c>ok</c> and the compiler's <c>diagnostics</c> (file, line, column) plus what was asked: the lint summary, the test
/// results, a decision with its explanation, or the impact against the serving policy.
/// </summary>
/// <remarks>Stateless and safe for concurrent use; every request reads the serving snapshot once.</remarks>
internal sealed class PlaygroundApi(PolicyPlaygroundOptions options)
{
    private const int MaxPathLength = 256;

    private TimeProvider Clock => options.TimeProvider ?? TimeProvider.System;

    public async Task<IResult> FilesAsync(CancellationToken cancellationToken)
    {
        var files = await options.InitialFiles(cancellationToken).ConfigureAwait(false);
        return PlaygroundJson.Result(new { files = files.OrderBy(static f => f.Key, StringComparer.Ordinal).Select(static f => new { path = f.Key, text = f.Value }) });
    }

    public async Task<IResult> LintAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var (request, rejected) = await ReadAsync(http, cancellationToken).ConfigureAwait(false);
        if (rejected is not null)
        {
            return rejected;
        }

        var (policy, diagnostics) = Compile(request!);
        var summary = policy is null ? null : new { roles = policy.Roles.Length, scopes = policy.Scopes.Length, rules = policy.RuleCount, test_suites = policy.Tests.Length };
        return PlaygroundJson.Result(new { ok = policy is not null, diagnostics, summary });
    }

    public async Task<IResult> TestAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var (request, rejected) = await ReadAsync(http, cancellationToken).ConfigureAwait(false);
        if (rejected is not null)
        {
            return rejected;
        }

        var (policy, diagnostics) = Compile(request!);
        if (policy is null)
        {
            return PlaygroundJson.Result(new { ok = false, diagnostics, passed = 0, failed = 0, cases = Array.Empty<object>() });
        }

        var report = await PolicyTestRunner.RunAsync(policy, cancellationToken: cancellationToken).ConfigureAwait(false);
        return PlaygroundJson.Result(new { ok = report.Succeeded, diagnostics, passed = report.Passed, failed = report.Failed, cases = report.Results.Select(PlaygroundJson.Case) });
    }

    public async Task<IResult> CheckAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var (request, rejected) = await ReadAsync(http, cancellationToken).ConfigureAwait(false);
        if (rejected is not null)
        {
            return rejected;
        }

        if (request!.Check is not { Principal: { Length: > 0 } name, Org: { Length: > 0 } org, Action: { Length: > 0 } action } check)
        {
            return PlaygroundJson.Problem("a check needs 'principal', 'org' and 'action'.");
        }

        var (policy, diagnostics) = Compile(request);
        if (policy is null)
        {
            return PlaygroundJson.Result(new { ok = false, diagnostics });
        }

        var population = await PopulationAsync(cancellationToken).ConfigureAwait(false);
        var principal = population.Organizations.OrderBy(o => o.Slug == org ? 0 : 1)
            .SelectMany(static o => o.Principals).FirstOrDefault(p => p.Name == name);
        if (principal is null)
        {
            return PlaygroundJson.Problem($"unknown principal '{name}'; expected a member's email or apikey:<id>.");
        }

        var serving = options.Serving();
        var snapshot = AuthorizationSnapshot.Create(policy, serving.Facts, new AuthorizationOptions { EnableDecisionCache = false, TimeProvider = Clock });
        var explanation = snapshot.Check(principal.Principal, org, action, string.IsNullOrEmpty(check.Resource) ? null : check.Resource).Explain();
        return PlaygroundJson.Result(new
        {
            ok = true,
            diagnostics,
            allowed = explanation.Allowed,
            decision = explanation.Allowed ? "allow" : "deny",
            reasons = explanation.Reasons,
            rules = explanation.Rules.Select(static r => new { package = r.Package, name = r.Name, effect = r.Effect, file = r.File, line = r.Line, column = r.Column, reason = r.Reason }),
            policy_lines = explanation.PolicyLines,
            why_not = explanation.WhyNot,
        });
    }

    public async Task<IResult> ImpactAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var (request, rejected) = await ReadAsync(http, cancellationToken).ConfigureAwait(false);
        if (rejected is not null)
        {
            return rejected;
        }

        var (policy, diagnostics) = Compile(request!);
        if (policy is not null)
        {
            try
            {
                await ImpactAnalyzer.VerifyAsync(policy, cancellationToken).ConfigureAwait(false);
            }
            catch (PolicyCompilationException e)
            {
                (policy, diagnostics) = (null, PlaygroundJson.Diagnostics(e.Diagnostics));
            }
        }

        if (policy is null)
        {
            return PlaygroundJson.Result(new { ok = false, diagnostics, changes = Array.Empty<object>() });
        }

        var serving = options.Serving();
        var population = await PopulationAsync(cancellationToken).ConfigureAwait(false);
        var impact = ImpactAnalyzer.Compare(serving.Policy, policy, serving.Facts, population, Clock, cancellationToken);
        return PlaygroundJson.Result(PlaygroundJson.Impact(impact, diagnostics));
    }

    private Task<ImpactPopulation> PopulationAsync(CancellationToken cancellationToken) =>
        options.Population?.Invoke(cancellationToken)
        ?? Task.FromResult(ImpactPopulation.Create(options.Serving().Facts, static _ => null, [], Clock.GetUtcNow()));

    private (CompiledPolicy? Policy, object[] Diagnostics) Compile(PlaygroundRequest request)
    {
        try
        {
            var files = request.Files!.Select(static f => new PolicyFile(f.Path, f.Text));
            return (PolicyLoader.Load(files, timeProvider: Clock), []);
        }
        catch (PolicyCompilationException e)
        {
            return (null, PlaygroundJson.Diagnostics(e.Diagnostics));
        }
    }

    /// <summary>Reads the body within <see cref="PolicyPlaygroundOptions.MaxRequestBytes"/>; a malformed or oversized one is a 400/413 with a message.</summary>
    private async Task<(PlaygroundRequest? Request, IResult? Rejected)> ReadAsync(HttpContext http, CancellationToken cancellationToken)
    {
        if (!http.Request.HasJsonContentType())
        {
            // A cross-site form cannot send application/json without a CORS preflight, which the playground never answers.
            return (null, PlaygroundJson.Problem("expected a JSON body ('Content-Type: application/json').", StatusCodes.Status415UnsupportedMediaType));
        }

        if (http.Request.ContentLength > options.MaxRequestBytes)
        {
            return (null, PlaygroundJson.Problem($"the request is larger than {options.MaxRequestBytes} bytes.", StatusCodes.Status413PayloadTooLarge));
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxRequestBytes;
        }

        PlaygroundRequest? request;
        try
        {
            request = await JsonSerializer.DeserializeAsync<PlaygroundRequest>(http.Request.Body, PlaygroundJson.Options, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException e)
        {
            return (null, PlaygroundJson.Problem($"the request is not valid JSON: {e.Message}"));
        }
        catch (BadHttpRequestException)
        {
            return (null, PlaygroundJson.Problem($"the request is larger than {options.MaxRequestBytes} bytes.", StatusCodes.Status413PayloadTooLarge));
        }

        var files = request?.Files;
        if (files is null || files.Count == 0 || files.Count > options.MaxFiles)
        {
            return (null, PlaygroundJson.Problem($"expected 'files' with 1 to {options.MaxFiles} entries."));
        }

        return files.Any(static f => f is null || f.Path is not { Length: > 0 and <= MaxPathLength } || f.Text is null)
            ? (null, PlaygroundJson.Problem($"each file needs a 'path' of 1 to {MaxPathLength} characters and a 'text'."))
            : (request, null);
    }
}
