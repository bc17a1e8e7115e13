using ConfigResolver.Cli.Tests.Support;

namespace ConfigResolver.Cli.Tests.Commands;

/// <summary><c>user add</c>, <c>member set</c> and <c>member remove</c>; each transcript is a golden file.</summary>
public sealed class MemberCommandTests : IDisposable
{
    private readonly CliSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void User_add_then_member_set_and_remove_change_the_organizations_members()
    {
        var db = TenancyDatabase.Seed(_sandbox);

        var add = _sandbox.Run("--db", db, "user", "add", "--email", "Erin@Acme.example", "--name", "Erin");
        var set = _sandbox.Run("--db", db, "member", "set", "--org", "acme", "--email", "erin@acme.example", "--role", "admin");
        var promote = _sandbox.Run("--db", db, "member", "set", "--org", "acme", "--email", "bob@acme.example", "--role", "owner");
        var showAfterSet = _sandbox.Run("--db", db, "org", "show", "acme");
        var remove = _sandbox.Run("--db", db, "member", "remove", "--org", "acme", "--email", "ann@acme.example");
        var showAfterRemove = _sandbox.Run("--db", db, "org", "show", "acme");

        Golden.Match("user_add", add);
        Golden.Match("member_set", set);
        Golden.Match("member_set_owner", promote);
        Golden.Match("member_show_after_set", showAfterSet);
        Golden.Match("member_remove", remove);
        Assert.DoesNotContain("ann@acme.example", showAfterRemove.Stdout, StringComparison.Ordinal);
        Assert.Contains("Erin@Acme.example  admin", showAfterRemove.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void User_add_without_a_name_says_so()
    {
        var db = TenancyDatabase.Seed(_sandbox);

        var result = _sandbox.Run("--db", db, "user", "add", "--email", "frank@example.com");

        Assert.Equal(["added user 'frank@example.com'."], result.StdoutLines);
        Assert.Contains("frank@example.com ''", TenancyDatabase.Dump(_sandbox), StringComparison.Ordinal);
    }
}
