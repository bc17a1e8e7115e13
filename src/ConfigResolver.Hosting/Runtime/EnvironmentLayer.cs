using Microsoft.Extensions.Configuration;

namespace ConfigResolver.Hosting;

/// <summary>The resolver's environment layer when the builder set one (tests, the CLI); otherwise environment variables.</summary>
internal sealed record EnvironmentLayer(IConfiguration Configuration);
