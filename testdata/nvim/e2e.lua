-- e2e.lua drives "ie lsp" from Neovim's built-in client (0.7 or later),
-- headless, for lsp/nvim_test.go:
--
--   IE_LSP_BIN=/path/to/ie IE_NVIM_OUT=/path/to/out.jsonl \
--     nvim --headless --noplugin -u NONE -c "luafile testdata/nvim/e2e.lua"
--
-- It opens broken.manifest (next to this script) and writes one JSON
-- object a line to IE_NVIM_OUT: each diagnostic, the hover text on a key,
-- the completion labels on an empty line, and the buffer after formatting.
-- A request that fails is written as {"kind": ..., "error": ...,
-- "error_code": the JSON-RPC code}. It quits with status 0, or 1 on any
-- failure or timeout.

local timeout = 10000 -- milliseconds, for each wait and request

local out_path = os.getenv('IE_NVIM_OUT')
local failed = false
local lines = {}

local function emit(t)
  table.insert(lines, vim.fn.json_encode(t))
end

local function fail(kind, msg, code)
  failed = true
  emit({ kind = kind, error = tostring(msg), error_code = code })
end

-- request sends method to the server and returns its result, or nil, an
-- error message and the JSON-RPC error code if the server sent one.
local function request(bufnr, method, params)
  local results, err = vim.lsp.buf_request_sync(bufnr, method, params, timeout)
  if not results then
    return nil, 'no answer: ' .. tostring(err)
  end
  for _, r in pairs(results) do
    if r.error then
      return nil, tostring(r.error.message), r.error.code
    end
    return r.result
  end
  return nil, 'no client answered'
end

local function main()
  local bin = os.getenv('IE_LSP_BIN')
  if not bin or bin == '' or not out_path or out_path == '' then
    error('IE_LSP_BIN and IE_NVIM_OUT must be set')
  end
  local here = vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':p:h')

  vim.cmd('edit ' .. vim.fn.fnameescape(here .. '/broken.manifest'))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.bo[bufnr].filetype = 'manifest'

  local client_id = vim.lsp.start_client({
    name = 'ie',
    cmd = { bin, 'lsp' },
    root_dir = here,
  })
  if not client_id then
    error('the client did not start')
  end
  vim.lsp.buf_attach_client(bufnr, client_id)
  local uri = vim.uri_from_bufnr(bufnr)

  -- Diagnostics, published after didOpen.
  if not vim.wait(timeout, function() return #vim.diagnostic.get(bufnr) > 0 end, 50) then
    error('no diagnostics within ' .. timeout .. ' ms')
  end
  local diags = vim.diagnostic.get(bufnr)
  table.sort(diags, function(a, b)
    if a.lnum ~= b.lnum then return a.lnum < b.lnum end
    return a.col < b.col
  end)
  for _, d in ipairs(diags) do
    emit({ kind = 'diagnostic', line = d.lnum, col = d.col, code = d.code, message = d.message })
  end

  -- Hover on the key eraseDevice (line 4, 0-based).
  local hover, err, code = request(bufnr, 'textDocument/hover', {
    textDocument = { uri = uri }, position = { line = 4, character = 2 },
  })
  if err then
    fail('hover', err, code)
  elseif type(hover) ~= 'table' then
    fail('hover', 'no hover')
  else
    local text = hover.contents
    if type(text) == 'table' then text = text.value end
    emit({ kind = 'hover', text = text })
  end

  -- Completion at the start of the empty line (line 6).
  local completion
  completion, err, code = request(bufnr, 'textDocument/completion', {
    textDocument = { uri = uri }, position = { line = 6, character = 0 },
  })
  if err then
    fail('completion', err, code)
  elseif type(completion) ~= 'table' then
    fail('completion', 'no completion')
  else
    local items = completion.items or completion
    local labels = {}
    for _, it in ipairs(items) do table.insert(labels, it.label) end
    emit({ kind = 'completion', labels = labels })
  end

  -- Formatting, applied to the buffer.
  local edits
  edits, err, code = request(bufnr, 'textDocument/formatting', {
    textDocument = { uri = uri }, options = { tabSize = 4, insertSpaces = true },
  })
  if err then
    fail('formatting', err, code)
  elseif type(edits) ~= 'table' then
    fail('formatting', 'no edits')
  else
    local client = vim.lsp.get_client_by_id(client_id)
    vim.lsp.util.apply_text_edits(edits, bufnr, client.offset_encoding)
    emit({ kind = 'formatted', lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false) })
  end
end

local ok, err = pcall(main)
if not ok then
  fail('script', err)
end
if out_path and out_path ~= '' then
  local f = io.open(out_path, 'w')
  if f then
    f:write(table.concat(lines, '\n'), '\n')
    f:close()
  else
    failed = true
  end
end
if failed then
  vim.cmd('cquit 1')
else
  vim.cmd('qall!')
end
