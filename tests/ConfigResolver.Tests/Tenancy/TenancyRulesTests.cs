using ConfigResolver.Access;
using ConfigResolver.Tenancy;

namespace ConfigResolver.Tests.Tenancy;

public sealed class TenancyRulesTests
{
    [Theory]
    [InlineData("ab", true)]
    [InlineData("acme-corp-2", true)]
    [InlineData("a", false)]
    [InlineData("Acme", false)]
    [InlineData("acme_corp", false)]
    [InlineData("acme corp", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Slug_is_2_to_63_lowercase_letters_digits_or_hyphens(string? slug, bool valid) =>
        Assert.Equal(valid, TenancyRules.IsValidSlug(slug));

    [Fact]
    public void Slug_length_limits_are_inclusive()
    {
        Assert.True(TenancyRules.IsValidSlug(new string('a', 63)));
        Assert.False(TenancyRules.IsValidSlug(new string('a', 64)));
    }

    [Theory]
    [InlineData("ann@example.com", true)]
    [InlineData("Ann.Smith+tag@sub.example.org", true)]
    [InlineData("ann@", false)]
    [InlineData("@example.com", false)]
    [InlineData("ann@example", false)]
    [InlineData("ann@@example.com", false)]
    [InlineData("ann smith@example.com", false)]
    [InlineData("ann@example.com.", false)]
    public void Email_must_be_plausible(string email, bool valid) =>
        Assert.Equal(valid, TenancyRules.IsValidEmail(email));

    [Fact]
    public void Emails_are_compared_in_lowercase() =>
        Assert.Equal(TenancyRules.NormalizeEmail("Ann@Example.COM"), TenancyRules.NormalizeEmail("ann@example.com"));

    [Theory]
    [InlineData(OrganizationStatus.Active, "active")]
    [InlineData(OrganizationStatus.Suspended, "suspended")]
    [InlineData(OrganizationStatus.Trial, "trial")]
    public void Status_wire_names_round_trip(OrganizationStatus status, string name)
    {
        Assert.Equal(name, TenancyNames.ToName(status));
        Assert.True(TenancyNames.TryParseStatus(name, out var parsed));
        Assert.Equal(status, parsed);
    }

    [Theory]
    [InlineData(MembershipRole.Owner, "owner")]
    [InlineData(MembershipRole.Admin, "admin")]
    [InlineData(MembershipRole.Member, "member")]
    [InlineData(MembershipRole.Viewer, "viewer")]
    public void Role_wire_names_round_trip(MembershipRole role, string name)
    {
        Assert.Equal(name, TenancyNames.ToName(role));
        Assert.True(TenancyNames.TryParseRole(name, out var parsed));
        Assert.Equal(role, parsed);
    }

    [Theory]
    [InlineData(InvitationStatus.Pending, "pending")]
    [InlineData(InvitationStatus.Accepted, "accepted")]
    [InlineData(InvitationStatus.Cancelled, "cancelled")]
    public void Invitation_status_wire_names_round_trip(InvitationStatus status, string name)
    {
        Assert.Equal(name, TenancyNames.ToName(status));
        Assert.Equal(status, TenancyNames.ParseInvitationStatus(name));
    }

    [Fact]
    public void Unknown_wire_names_do_not_parse()
    {
        Assert.False(TenancyNames.TryParseRole("Owner", out _));
        Assert.False(TenancyNames.TryParseStatus("deleted", out _));
        Assert.Contains("'Accepted'", Assert.Throws<InvalidDataException>(() => TenancyNames.ParseInvitationStatus("Accepted")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Roles_compare_by_privilege() =>
        Assert.True(MembershipRole.Owner > MembershipRole.Admin && MembershipRole.Admin > MembershipRole.Member && MembershipRole.Member > MembershipRole.Viewer);
}
