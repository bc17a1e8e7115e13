using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ConfigResolver.AspNetCore.Tests;

/// <summary>A controller guarded by the attribute form.</summary>
[ApiController]
[Route("mvc/orgs/{org}/agents")]
public sealed class AgentsController : ControllerBase
{
    [HttpPost]
    [RequirePermission("agents:write")]
    public string Create() => "created in " + HttpContext.GetTenantConfig().OrganizationSlug;

    [HttpDelete("{id}")]
    [RequirePermission("agents:delete", "agent/{id}")]
    public string Delete(string id) => $"deleted {id} in {HttpContext.GetTenantConfig().OrganizationSlug}";
}
