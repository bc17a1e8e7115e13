using System.Text;
using System.Text.Json;
using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Tenancy;
using ConfigResolver.Tenancy;
using ConfigResolver.Validation;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr org config get</c>: prints an organization's configuration document, secrets redacted.</summary>
internal sealed class OrgConfigGetCommand : ICliCommand
{
    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec(
        "org config get",
        "Print an organization's configuration document (secrets redacted).",
        [
            CommonOptions.Organization,
            new OptionSpec("--reveal-secrets", null, "Print API keys, tokens and the signup key in plaintext."),
            new OptionSpec("--json", null, "Accepted for uniformity: the document is JSON either way."),
        ],
        [CommonOptions.OrganizationPositional])
    {
        Description = """
            Secrets print as "[redacted]". To edit a document and set it back with 'cfgr org config set', get it
            with --reveal-secrets, or the stored keys would be replaced by the text "[redacted]".
            """,
    };

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var slug = context.Arguments.Organization();
        var reveal = context.Arguments.Has("--reveal-secrets");
        return CliTenancy.RunAsync(context, async tenancy =>
        {
            var organization = await tenancy.Store.FindOrganizationBySlugAsync(slug, cancellationToken).ConfigureAwait(false)
                ?? throw new TenantValidationException([TenancyDiagnostics.UnknownOrganization(slug)]);
            context.Print(reveal ? Indent(organization.Config.RevealJson()) : Indent(organization.Config.ToRedactedJson()));
            return ExitCodes.Ok;
        });
    }

    /// <summary>Indents compact JSON with <c>\n</c> line breaks, so output is the same on every OS.</summary>
    private static string Indent(string json)
    {
        using var document = JsonDocument.Parse(json);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            document.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }
}
