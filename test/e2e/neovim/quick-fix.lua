-- Drives Neovim's built-in LSP client (0.7 API: vim.lsp.start_client) against the real
-- online-identifiers language server, on the file Neovim was opened with:
--   1. start the server over stdio and attach it to the buffer;
--   2. wait for its diagnostics;
--   3. ask for code actions on the first finding and apply the preferred quick-fix;
--   4. write the file, wait for the finding to disappear, stop the server.
-- Everything observed goes to the JSON report at $OI_REPORT for the mocha test to assert on;
-- any failure ends Neovim with `cquit 1` after writing the report.
-- Inputs (environment): OI_SERVER (server bin), OI_ROOT (workspace root), OI_REPORT.

local report = { steps = {} }
local report_path = assert(os.getenv('OI_REPORT'), 'OI_REPORT is not set')

local function step(name)
  table.insert(report.steps, name)
end

local function write_report()
  local file = assert(io.open(report_path, 'w'))
  file:write(vim.fn.json_encode(report))
  file:close()
end

local function fail(message)
  report.error = message
  write_report()
  vim.cmd('cquit 1')
end

-- vim.diagnostic items (0.7) do not carry the LSP diagnostic; rebuild the parts the code-action
-- context needs.
local function to_lsp_diagnostic(d)
  local lsp = (d.user_data and d.user_data.lsp) or {}
  return {
    range = {
      start = { line = d.lnum, character = d.col },
      ['end'] = { line = d.end_lnum, character = d.end_col },
    },
    severity = d.severity,
    message = d.message,
    source = d.source,
    code = lsp.code or d.code,
    codeDescription = lsp.codeDescription,
    data = lsp.data,
  }
end

local function main()
  local server = assert(os.getenv('OI_SERVER'), 'OI_SERVER is not set')
  local root = assert(os.getenv('OI_ROOT'), 'OI_ROOT is not set')
  local buf = vim.api.nvim_get_current_buf()
  local exited = nil

  local client_id = vim.lsp.start_client({
    name = 'online-identifiers',
    cmd = { 'node', server, '--stdio' },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = 'fixture' } },
    init_options = { workspaceTrusted = false },
    -- Answered to workspace/configuration by Neovim's default handler.
    settings = { onlineIdentifiers = { enable = true, run = 'onType', severity = 'default' } },
    on_exit = function(code, signal)
      exited = { code = code, signal = signal }
    end,
  })
  if not client_id then
    return fail('vim.lsp.start_client returned nil')
  end
  local client = vim.lsp.get_client_by_id(client_id)
  vim.lsp.buf_attach_client(buf, client_id)
  step('started')

  if not vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 20) then
    return fail('no diagnostics within 20 s')
  end
  report.capabilities = {
    codeActionProvider = client.server_capabilities.codeActionProvider ~= nil,
    hoverProvider = client.server_capabilities.hoverProvider ~= nil,
  }
  report.diagnostics = vim.tbl_map(to_lsp_diagnostic, vim.diagnostic.get(buf))
  step('diagnostics')

  local diagnostic = report.diagnostics[1]
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = diagnostic.range,
    context = { diagnostics = { diagnostic }, only = { 'quickfix' } },
  }
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000)
  local response = responses and responses[client_id]
  if not response then
    return fail('no answer to textDocument/codeAction within 10 s')
  end
  if response.err then
    return fail('textDocument/codeAction failed: ' .. vim.inspect(response.err))
  end
  local actions = response.result or {}
  report.actions = vim.tbl_map(function(a)
    return { title = a.title, kind = a.kind, isPreferred = a.isPreferred == true }
  end, actions)
  step('code actions')

  local preferred = nil
  for _, action in ipairs(actions) do
    if action.isPreferred then
      preferred = action
      break
    end
  end
  if not preferred then
    return fail('no preferred quick-fix among ' .. #actions .. ' actions')
  end
  if not preferred.edit and preferred.data then
    local resolved = client.request_sync('codeAction/resolve', preferred, 10000, buf)
    if not resolved or resolved.err then
      return fail('codeAction/resolve failed: ' .. vim.inspect(resolved))
    end
    preferred = resolved.result
  end
  if not preferred.edit then
    return fail('the preferred quick-fix has no edit: ' .. vim.inspect(preferred))
  end
  report.applied = preferred.title
  vim.lsp.util.apply_workspace_edit(preferred.edit, client.offset_encoding)
  vim.cmd('write')
  step('applied and written')

  -- The edit reaches the server as didChange; its next diagnostics must no longer hold the finding.
  local gone = vim.wait(20000, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      if d.message == diagnostic.message then return false end
    end
    return true
  end, 20)
  report.diagnosticsAfterFix = vim.tbl_map(to_lsp_diagnostic, vim.diagnostic.get(buf))
  if not gone then
    return fail('the finding was still reported 20 s after the fix')
  end
  step('finding gone')

  vim.lsp.stop_client(client_id)
  if not vim.wait(10000, function() return exited ~= nil end, 20) then
    return fail('the server did not exit within 10 s of shutdown/exit')
  end
  report.exit = exited
  step('stopped')
  write_report()
  vim.cmd('qa!')
end

local ok, err = xpcall(main, debug.traceback)
if not ok then
  fail('Lua error: ' .. tostring(err))
end
