using ConfigResolver.Storage;
using Microsoft.Extensions.Logging;

namespace ConfigResolver.Authorization;

public sealed partial class AuthorizationService
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Authorization policy reloaded from {FileCount} files; serving revision {Revision}.")]
    private static partial void LogReloaded(ILogger logger, long revision, int fileCount);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Authorization policy reload refused with {Count} problem(s); revision {Revision} keeps serving. First: {First}")]
    private static partial void LogReloadFailed(ILogger logger, int count, long revision, string first);

    [LoggerMessage(EventId = 3, Level = LogLevel.Error, Message = "A {Kind} change could not be applied to the authorization snapshot; revision {Revision} keeps serving.")]
    private static partial void LogChangeFailed(ILogger logger, Exception exception, TenantChangeKind kind, long revision);
}
