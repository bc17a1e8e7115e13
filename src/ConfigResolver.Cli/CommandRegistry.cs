using ConfigResolver.Cli.Commands;
using ConfigResolver.Cli.CommandLine;

namespace ConfigResolver.Cli;

/// <summary>
/// Every <c>cfgr</c> command. Adding a command is one file under <c>Commands/</c> implementing
/// <see cref="ICliCommand"/> plus one line here; the router, help and error handling pick it up.
/// </summary>
internal static class CommandRegistry
{
    /// <summary>The commands, in the order <c>cfgr --help</c> lists them.</summary>
    public static IReadOnlyList<ICliCommand> Commands { get; } =
    [
        new DemoCommand(),
        new ResolveCommand(),
        new RouteCommand(),
        new OrgCreateCommand(),
        new OrgListCommand(),
        new OrgShowCommand(),
        new OrgConfigGetCommand(),
        new OrgConfigSetCommand(),
        new OrgConfigDiffCommand(),
        new OrgStatusCommand(),
        new OrgDeleteCommand(),
        new OrgPlanSetCommand(),
        new PlanListCommand(),
        new QuotaShowCommand(),
        new UsageConsumeCommand(),
        new TeamCreateCommand(),
        new TeamListCommand(),
        new TeamDeleteCommand(),
        new TeamMemberAddCommand(),
        new TeamMemberRemoveCommand(),
        new ModelGroupCreateCommand(),
        new ModelGroupListCommand(),
        new ModelGroupAssignCommand(),
        new UserAddCommand(),
        new MemberSetCommand(),
        new MemberRemoveCommand(),
        new ImportLambCommand(),
        new EnforceCommand(),
        new PolicyInitCommand(),
        new PolicyLintCommand(),
        new PolicyTestCommand(),
        new PolicyDiffCommand(),
        new PolicyPushCommand(),
        new PolicyHistoryCommand(),
        new PolicyShowCommand(),
        new PolicyRollbackCommand(),
        new CheckCommand(),
        new ApiKeyCreateCommand(),
        new ApiKeyListCommand(),
        new ApiKeyRevokeCommand(),
        new ApiKeyRotateCommand(),
        new InviteCreateCommand(),
        new InviteListCommand(),
        new InviteAcceptCommand(),
        new InviteCancelCommand(),
        new InviteResendCommand(),
        new SignupCommand(),
        new AuditListCommand(),
        new PermissionsCommand(),
        new WhoCanCommand(),
        new ServeCommand(),
    ];
}
