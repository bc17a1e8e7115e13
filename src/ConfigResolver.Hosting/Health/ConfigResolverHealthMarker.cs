namespace ConfigResolver.Hosting;

/// <summary>Marks that the health checks are registered, so a second <c>AddConfigResolver</c> does not add them twice.</summary>
internal sealed class ConfigResolverHealthMarker;
