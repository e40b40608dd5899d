-- e2e.lua drives "ie lsp" from Neovim's built-in client (0.7 or later),
-- headless, for lsp/nvim_test.go. The test loads the README's Neovim
-- configuration verbatim as the init file, with ie on PATH:
--
--   PATH=/dir/of/ie:$PATH IE_NVIM_FILE=/path/to/broken.manifest \
--   IE_NVIM_OUT=/path/to/out.jsonl \
--     nvim --headless --noplugin -u init.lua -i NONE -c "luafile testdata/nvim/e2e.lua"
--
-- It opens IE_NVIM_FILE, which the configuration attaches to ie, and
-- writes one JSON object a line to IE_NVIM_OUT: each diagnostic, the
-- hover text on a key, the completion labels on an empty line, and the
-- buffer after formatting. A request that fails is written as
-- {"kind": ..., "error": ..., "error_code": the JSON-RPC code}. It quits
-- with status 0, or 1 on any failure or timeout.

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
  local file = os.getenv('IE_NVIM_FILE')
  if not file or file == '' or not out_path or out_path == '' then
    error('IE_NVIM_FILE and IE_NVIM_OUT must be set')
  end

  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  if vim.bo[bufnr].filetype ~= 'manifest' then
    error('the configuration did not set the filetype: ' .. vim.bo[bufnr].filetype)
  end

  -- The configuration attaches the client when the file is read.
  local client_id
  if not vim.wait(timeout, function()
    for id, c in pairs(vim.lsp.buf_get_clients(bufnr)) do
      if c.name == 'ie' then
        client_id = id
        return true
      end
    end
    return false
  end, 50) then
    error('no client named ie attached to the buffer within ' .. timeout .. ' ms')
  end
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
