namespace ConfigResolver.AspNetCore;

/// <summary>A request the API refuses (400): where in the JSON body (a JSON path such as <c>$.context.time</c>) and why.</summary>
internal sealed class RequestProblem(string path, string message) : Exception(message)
{
    public string JsonPath { get; } = path;
}
