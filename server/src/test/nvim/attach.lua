-- Headless Neovim session driven by NeovimIT: attach routerls to the buffer given on the command
-- line, wait for its diagnostics, make one edit, wait again, ask for completion, and write what Neovim
-- received to $ROUTERLS_OUT as JSON. Works with Neovim 0.7 (vim.lsp.start_client).
local out = os.getenv('ROUTERLS_OUT')
local jar = os.getenv('ROUTERLS_JAR')
local java = os.getenv('ROUTERLS_JAVA') or 'java'
local edit_line = tonumber(os.getenv('ROUTERLS_EDIT_LINE') or '-1')
local edit_text = os.getenv('ROUTERLS_EDIT_TEXT') or ''
local result = { errors = {} }

local function finish()
  vim.fn.writefile({ vim.fn.json_encode(result) }, out)
  vim.cmd('qa!')
end

local published = 0
local bufnr = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = 'routerls',
  cmd = { java, '-jar', jar, 'lsp' },
  root_dir = vim.fn.getcwd(),
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, res, ctx, config)
      vim.lsp.diagnostic.on_publish_diagnostics(err, res, ctx, config)
      if res and res.uri == vim.uri_from_bufnr(bufnr) then published = published + 1 end
    end,
  },
  on_exit = function(code) result.server_exit = code end,
})
if not client_id then
  table.insert(result.errors, 'start_client failed')
  finish()
  return
end
vim.lsp.buf_attach_client(bufnr, client_id)

local function snapshot()
  local out_list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local code = d.code
    if code == nil and d.user_data and d.user_data.lsp then code = d.user_data.lsp.code end
    table.insert(out_list, { line = d.lnum, col = d.col, code = code, source = d.source,
                             severity = d.severity, message = d.message })
  end
  return out_list
end

if not vim.wait(30000, function() return published >= 1 end, 50) then
  table.insert(result.errors, 'no diagnostics after open')
end
result.client_name = vim.lsp.get_client_by_id(client_id).name
result.on_open = snapshot()

if edit_line >= 0 then
  local before = published
  vim.api.nvim_buf_set_lines(bufnr, edit_line, edit_line + 1, false, { edit_text })
  if not vim.wait(30000, function() return published > before end, 50) then
    table.insert(result.errors, 'no diagnostics after edit')
  end
  result.after_edit = snapshot()
end

local uri = vim.uri_from_bufnr(bufnr)

-- completion typed right after an edit: a new last line, then completion at its end at once
local append = os.getenv('ROUTERLS_APPEND')
if append and append ~= '' then
  local last = vim.api.nvim_buf_line_count(bufnr)
  vim.api.nvim_buf_set_lines(bufnr, last, last, false, { append })
  local resp = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion',
    { textDocument = { uri = uri }, position = { line = last, character = #append } }, 10000)
  local labels = {}
  local r = resp and resp[client_id] and resp[client_id].result
  local items = r and (r.items or r) or {}
  for _, item in ipairs(items) do table.insert(labels, item.label) end
  result.completion_after_edit = labels
end

-- a quick fix chosen and applied as the user would: list, resolve if needed, apply the workspace edit
local fix_line = tonumber(os.getenv('ROUTERLS_FIX_LINE') or '-1')
if fix_line >= 0 then
  local diags, col = {}, 0
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    if d.lnum == fix_line then
      col = d.col
      if d.user_data and d.user_data.lsp then table.insert(diags, d.user_data.lsp) end
    end
  end
  -- the caret on the finding, as after jumping to it
  local at = { start = { line = fix_line, character = col } }
  local resp = vim.lsp.buf_request_sync(bufnr, 'textDocument/codeAction', {
    textDocument = { uri = uri },
    range = { start = at.start, ['end'] = at.start },
    context = { diagnostics = diags, only = { 'quickfix' } },
  }, 10000)
  local actions = resp and resp[client_id] and resp[client_id].result or {}
  result.fix_listed = { count = #actions, diagnostics = #diags, err = resp and resp[client_id] and resp[client_id].err }
  local action = actions[1]
  if action and not action.edit then
    local resolved = vim.lsp.buf_request_sync(bufnr, 'codeAction/resolve', action, 10000)
    result.fix_resolve_err = resolved and resolved[client_id] and resolved[client_id].err
    action = resolved and resolved[client_id] and resolved[client_id].result
  end
  if action and action.edit then
    vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
    result.fix_title = action.title
  else
    table.insert(result.errors, 'no quick fix on line ' .. fix_line)
  end
  result.fixed_line = vim.api.nvim_buf_get_lines(bufnr, fix_line, fix_line + 1, false)[1]
end

-- inlay hints and semantic tokens: Neovim 0.7 has no client for them, so ask and keep the answers
if os.getenv('ROUTERLS_DECORATIONS') == '1' then
  local count = vim.api.nvim_buf_line_count(bufnr)
  local hints = vim.lsp.buf_request_sync(bufnr, 'textDocument/inlayHint', {
    textDocument = { uri = uri },
    range = { start = { line = 0, character = 0 }, ['end'] = { line = count, character = 0 } },
  }, 10000)
  local labels = {}
  for _, h in ipairs(hints and hints[client_id] and hints[client_id].result or {}) do
    table.insert(labels, { line = h.position.line, label = type(h.label) == 'string' and h.label or '' })
  end
  result.inlay_hints = labels
  local tokens = vim.lsp.buf_request_sync(bufnr, 'textDocument/semanticTokens/full', { textDocument = { uri = uri } }, 10000)
  local data = tokens and tokens[client_id] and tokens[client_id].result and tokens[client_id].result.data or {}
  result.semantic_tokens = data
  local caps = vim.lsp.get_client_by_id(client_id).server_capabilities or {}
  local provider = caps.semanticTokensProvider or {}
  result.token_types = provider.legend and provider.legend.tokenTypes or {}
end

local params = { textDocument = { uri = uri }, position = { line = 0, character = 0 } }
local resp = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', params, 10000)
result.completion_responded = resp ~= nil and resp[client_id] ~= nil and resp[client_id].err == nil

vim.lsp.stop_client(client_id)
vim.wait(5000, function() return result.server_exit ~= nil end, 50)
finish()
