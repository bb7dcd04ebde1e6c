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

local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = 0, character = 0 } }
local resp = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion', params, 10000)
result.completion_responded = resp ~= nil and resp[client_id] ~= nil and resp[client_id].err == nil

vim.lsp.stop_client(client_id)
vim.wait(5000, function() return result.server_exit ~= nil end, 50)
finish()
