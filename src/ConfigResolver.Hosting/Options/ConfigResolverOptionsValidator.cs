using ConfigResolver.Stores;
using Microsoft.Extensions.Options;

namespace ConfigResolver.Hosting;

/// <summary>
/// Validates <see cref="ConfigResolverOptions"/> when the host starts (<c>ValidateOnStart</c>). Every failure names the
/// configuration key as the user wrote it (<c>ConfigResolver:Store:ConnectionString</c>), what was expected and what was
/// found; a connection string is never echoed (it may hold a password).
/// </summary>
internal sealed class ConfigResolverOptionsValidator(string sectionPath) : IValidateOptions<ConfigResolverOptions>
{
    public ValidateOptionsResult Validate(string? name, ConfigResolverOptions options)
    {
        var failures = new List<string>();
        string Key(string relative) => sectionPath.Length == 0 ? relative : $"{sectionPath}:{relative}";
        void Fail(string relative, string expected, string found) => failures.Add($"{Key(relative)}: expected {expected}; found {found}.");

        var store = options.Store;
        if (!Enum.IsDefined(store.Provider))
        {
            Fail("Store:Provider", "one of 'InMemory', 'Sqlite', 'Postgres', 'LiteDb'", $"'{store.Provider}'");
        }
        else if (store.Provider != StoreProvider.InMemory)
        {
            ValidateConnection(store, Fail);
        }

        var policies = options.Policies;
        if (policies.Source == PolicySource.Directory)
        {
            if (string.IsNullOrWhiteSpace(policies.Directory))
            {
                Fail("Policies:Directory", "a policy directory when Policies:Source is 'Directory'", "nothing");
            }
            else if (!Directory.Exists(policies.Directory))
            {
                Fail("Policies:Directory", "an existing directory", $"'{policies.Directory}', which does not exist");
            }
        }
        else if (policies.Source is not (PolicySource.None or PolicySource.Store))
        {
            Fail("Policies:Source", "'None', 'Directory' or 'Store'", $"'{policies.Source}'");
        }

        NotNegative(policies.ReloadDebounce, "Policies:ReloadDebounce", Fail);
        Positive(options.Resolver.ChangePollInterval, "Resolver:ChangePollInterval", Fail);
        NotNegative(options.Health.FeedDownTolerance, "Health:FeedDownTolerance", Fail);
        Positive(options.Health.StoreTimeout, "Health:StoreTimeout", Fail);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateConnection(StoreSettings store, Action<string, string, string> fail)
    {
        var expected = store.Provider == StoreProvider.Postgres
            ? "a PostgreSQL connection (postgres://user:password@host:port/db or Host=...;Database=...)"
            : $"the {store.Provider} file's path";
        if (string.IsNullOrWhiteSpace(store.ConnectionString))
        {
            fail("Store:ConnectionString", expected, "nothing");
            return;
        }

        StoreLocation location;
        try
        {
            location = StoreLocation.Parse(StoreLocator.For(store));
        }
        catch (InvalidStoreLocatorException e)
        {
            // The locator's own message never shows a password.
            fail("Store:ConnectionString", expected, $"a value the store rejects ({e.Diagnostics[0].Message.TrimEnd('.')})");
            return;
        }

        var wanted = store.Provider switch
        {
            StoreProvider.Postgres => StoreKind.Postgres,
            StoreProvider.LiteDb => StoreKind.LiteDb,
            _ => StoreKind.Sqlite,
        };
        if (location.Kind != wanted)
        {
            fail("Store:ConnectionString", expected, $"a {location.Kind} locator ('{location.Display}')");
        }
    }

    private static void Positive(TimeSpan value, string key, Action<string, string, string> fail)
    {
        if (value <= TimeSpan.Zero)
        {
            fail(key, "a positive duration", $"'{value}'");
        }
    }

    private static void NotNegative(TimeSpan value, string key, Action<string, string, string> fail)
    {
        if (value < TimeSpan.Zero)
        {
            fail(key, "a duration of zero or more", $"'{value}'");
        }
    }
}
