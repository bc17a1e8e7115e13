using ConfigResolver.Access.Tests.Support;
using ConfigResolver.Configuration;
using ConfigResolver.Tenancy;
using Microsoft.Extensions.Configuration;

namespace ConfigResolver.Access.Tests;

public sealed class SignupServiceTests : IAsyncLifetime
{
    private AccessWorld _world = null!;

    public async Task InitializeAsync() => _world = await AccessWorld.CreateAsync(configure: o =>
    {
        o.DeploymentSignupEnabled = true;
        o.DeploymentSignupKey = new Secret("deployment-signup-key");
    });

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task An_organizations_enabled_key_makes_the_person_a_member_of_it()
    {
        var joined = await new SignupService(_world.Store, _world.Options).SignUpAsync("join-beta-2026", "erin@example.com", "Erin");

        Assert.Equal(("beta", true, MembershipRole.Member, "Erin"), (joined.Organization.Slug, joined.UserCreated, joined.Role, joined.User.Name));
        Assert.True(_world.Authorization.Current.Check(Authorization.Principal.ForUser(joined.User.Id), "beta", "agents:write").Allowed);
        var audit = (await _world.Store.QueryAuditAsync(new Auditing.AuditQuery { Limit = 1 })).Events[0];
        Assert.Equal(("signup", "beta", "erin@example.com"), (audit.Action, audit.Organization, audit.Target));
        Assert.DoesNotContain("join-beta-2026", audit.Changes, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_existing_email_joins_instead_of_becoming_a_second_user()
    {
        var users = (await _world.Store.ListUsersAsync()).Length;

        var joined = await new SignupService(_world.Store, _world.Options).SignUpAsync("join-beta-2026", "DAVE@example.com");

        Assert.Equal((false, (await _world.UserAsync("dave@example.com")).Id), (joined.UserCreated, joined.User.Id));
        Assert.Equal(users, (await _world.Store.ListUsersAsync()).Length);
    }

    [Fact]
    public async Task The_deployment_key_leads_to_the_system_organization()
    {
        var joined = await new SignupService(_world.Store, _world.Options).SignUpAsync("deployment-signup-key", "erin@example.com");

        Assert.True(joined.Organization.IsSystem);
        Assert.Equal(MembershipRole.Member, joined.Role);
    }

    public static TheoryData<string, bool> Refusals => new()
    {
        { "no-such-key", true },
        { "join-quiet", true },
        { "join-beta-2026-suspended", true },
        { "deployment-signup-key", false },
        { "Deployment-Signup-Key", true },
        { "", true },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Every_refusal_is_the_same_error_whatever_exists(string key, bool deploymentEnabled)
    {
        if (key == "join-beta-2026-suspended")
        {
            await new TenantAdministration(_world.Store, _world.Clock).SuspendAsync("beta");
            key = "join-beta-2026";
        }

        var options = new AccessOptions { TimeProvider = _world.Clock, DeploymentSignupEnabled = deploymentEnabled, DeploymentSignupKey = new Secret("deployment-signup-key") };

        var refused = await Assert.ThrowsAsync<AccessException>(() => new SignupService(_world.Store, options).SignUpAsync(key, "erin@example.com"));

        Assert.Equal("sign-up: error ACC5301: sign-up refused: the sign-up key is not valid, or sign-up is not open with it.", refused.Message);
        Assert.Null(await _world.Store.FindUserByEmailAsync("erin@example.com"));
    }

    [Fact]
    public void Deployment_settings_come_from_the_lamb_environment_names()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SIGNUP_ENABLED"] = "True",
            ["SIGNUP_SECRET_KEY"] = "lamb-key",
            ["CFGR_TOKEN_SIGNING_KEYS"] = "k1:" + Convert.ToBase64String(new byte[32]) + ", k0:" + Convert.ToBase64String(new byte[40]),
        }).Build();

        var options = AccessOptions.FromConfiguration(configuration);

        Assert.True(options.DeploymentSignupEnabled);
        Assert.Equal("lamb-key", options.DeploymentSignupKey?.Reveal());
        Assert.Equal(["k1", "k0"], options.TokenSigningKeys.Select(k => k.Id));
        Assert.False(AccessOptions.FromConfiguration(new ConfigurationBuilder().Build()).DeploymentSignupEnabled);
    }
}
