using ConfigResolver.Cli.CommandLine;
using ConfigResolver.Cli.Rendering;
using ConfigResolver.Cli.Tenancy;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Cli.Commands;

/// <summary><c>cfgr invite list</c>: an organization's pending invitations (expired ones marked); never a token.</summary>
internal sealed class InviteListCommand : ICliCommand
{
    private static readonly string[] s_heading = ["id", "email", "role", "expires", "invited by"];

    /// <inheritdoc />
    public CommandSpec Spec { get; } = new CommandSpec("invite list", "List an organization's pending invitations (never their tokens).", AccessOptionSpecs.Organization, CommonOptions.Json);

    /// <inheritdoc />
    public Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return CliTenancy.RunAsync(context, async tenancy =>
        {
            using var access = CliAccess.Open(context, tenancy);
            var now = context.Console.Clock.GetUtcNow();
            var pending = await access.Invitations().ListPendingAsync(context.Arguments.Required("--org"), cancellationToken).ConfigureAwait(false);
            if (context.Arguments.Json)
            {
                context.PrintJson(pending.Select(i =>
                {
                    var body = AccessJson.Invitation(i);
                    body["invited_by"] = i.InvitedBy;
                    body["expired"] = !i.IsOpenAt(now);
                    return body;
                }).ToArray());
                return ExitCodes.Ok;
            }

            if (pending.IsEmpty)
            {
                context.Print("no pending invitations.");
                return ExitCodes.Ok;
            }

            var rows = new List<string[]> { s_heading };
            rows.AddRange(pending.Select(i => new[]
            {
                i.Id.ToString("D"), i.Email, TenancyNames.ToName(i.Role), AccessOutput.Time(i.ExpiresAt) + (i.IsOpenAt(now) ? string.Empty : " (expired)"), i.InvitedBy,
            }));
            foreach (var line in AccessOutput.Columns(rows))
            {
                context.Print(line);
            }

            return ExitCodes.Ok;
        });
    }
}
