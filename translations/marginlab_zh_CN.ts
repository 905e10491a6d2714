<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
 <context>
  <name>MarginLab</name>
  <message>
   <location filename="../desktop/account_panel.py" line="29" />
   <source>Deposits + realised PnL − fees. Under cross this whole amount, less the isolated margins, is the pool every cross position can lose.</source>
   <translation>入金 + 已实现盈亏 − 手续费。全仓模式下，这笔钱扣除逐仓保证金后，就是每个全仓仓位都可能亏掉的资金池。</translation>
  </message>
  <message>
   <location filename="../desktop/account_panel.py" line="33" />
   <source>Settlement currency of the linear contracts (e.g. USDT)</source>
   <translation>线性合约的结算币种（如 USDT）</translation>
  </message>
  <message>
   <location filename="../desktop/account_panel.py" line="34" />
   <source>The most you accept to lose if you are wrong. Empty = no limit. Variants whose max loss is above it are flagged.</source>
   <translation>判断错误时你愿意承受的最大亏损。留空 = 不设上限。最大亏损超过它的方案会被标出。</translation>
  </message>
  <message>
   <location filename="../desktop/account_panel.py" line="45" />
   <source>Account</source>
   <translation>账户</translation>
  </message>
  <message>
   <location filename="../desktop/account_panel.py" line="59" />
   <source>S&amp;how</source>
   <translation>显示(&amp;H)</translation>
  </message>
  <message>
   <location filename="../desktop/account_panel.py" line="63" />
   <source>These accounts never share collateral: a loss in one cannot liquidate another, and a profit in one cannot save another.</source>
   <translation>这些账户从不共用保证金：一个账户的亏损不会让另一个被强平，一个账户的盈利也救不了另一个。</translation>
  </message>
  <message>
   <location filename="../desktop/account_panel.py" line="75" />
   <source>Scenario name, shown in the title bar</source>
   <translation>方案名称，显示在标题栏</translation>
  </message>
  <message>
   <location filename="../desktop/account_panel.py" line="78" />
   <source>&amp;Name</source>
   <translation>名称(&amp;N)</translation>
  </message>
  <message>
   <location filename="../desktop/account_panel.py" line="94" />
   <source>Taker fee per fill, in %. Empty: the venue's base (non-VIP) rate. It is taken off PnL and sets the break-even price; Bybit also counts the fee to close in its maintenance margin, so it moves the liquidation price there.</source>
   <translation>每笔成交的吃单手续费率，单位 %。留空：交易所基础（非 VIP）费率。它从盈亏中扣除并决定保本价；Bybit 还把平仓手续费计入维持保证金，因此会移动那里的强平价格。</translation>
  </message>
  <message>
   <location filename="../desktop/account_panel.py" line="101" />
   <source>Taker &amp;fee (%)</source>
   <translation>吃单手续费 (%)(&amp;F)</translation>
  </message>
  <message>
   <location filename="../desktop/account_panel.py" line="111" />
   <source>Which venue's maintenance-margin rules price the positions</source>
   <translation>用哪家交易所的维持保证金规则为仓位定价</translation>
  </message>
  <message>
   <location filename="../desktop/account_panel.py" line="113" />
   <source>&amp;Rules</source>
   <translation>规则(&amp;R)</translation>
  </message>
  <message>
   <location filename="../desktop/account_panel.py" line="81" />
   <source>&amp;Wallet balance</source>
   <translation>钱包余额(&amp;W)</translation>
  </message>
  <message>
   <location filename="../desktop/account_panel.py" line="82" />
   <source>C&amp;urrency</source>
   <translation>币种(&amp;U)</translation>
  </message>
  <message>
   <location filename="../desktop/account_panel.py" line="83" />
   <source>Max acceptable &amp;loss</source>
   <translation>最大可接受亏损(&amp;L)</translation>
  </message>
  <message>
   <location filename="../desktop/account_panel.py" line="142" />
   <source>The accounts in this file. Each settles in its own currency and has its own wallet: they never share collateral, so each is evaluated on its own.</source>
   <translation>本文件中的账户。每个账户以自己的币种结算、有自己的钱包：它们从不共用保证金，因此各自单独计算。</translation>
  </message>
  <message>
   <location filename="../desktop/account_panel.py" line="131" />
   <source>{number}. {name} ({currency})</source>
   <translation>{number}. {name}（{currency}）</translation>
  </message>
  <message>
   <location filename="../desktop/account_panel.py" line="166" />
   <source>{rate} (venue base rate)</source>
   <translation>{rate}（交易所基础费率）</translation>
  </message>
  <message>
   <location filename="../desktop/account_panel.py" line="200" />
   <source>Rules: {wanted} not used ({reasons}); still {rules}</source>
   <translation>规则：未采用 {wanted}（{reasons}）；仍为 {rules}</translation>
  </message>
  <message>
   <location filename="../desktop/account_panel.py" line="151" />
   <source>Account {number} of {count}</source>
   <translation>账户 {number}/{count}</translation>
  </message>
  <message>
   <location filename="../desktop/account_panel.py" line="173" />
   <source>Tiers as of {date}, {months} months old</source>
   <translation>档位表日期 {date}，已 {months} 个月</translation>
  </message>
  <message>
   <location filename="../desktop/account_panel.py" line="175" />
   <source>Tiers as of {date}</source>
   <translation>档位表日期 {date}</translation>
  </message>
  <message>
   <location filename="../desktop/account_panel.py" line="108" />
   <source>Tables as of {date}</source>
   <translation>档位表日期 {date}</translation>
  </message>
  <message>
   <location filename="../desktop/app.py" line="149" />
   <source>Unexpected error</source>
   <translation>意外错误</translation>
  </message>
  <message>
   <location filename="../desktop/app.py" line="123" />
   <source>1 more unsaved scenario left behind by an earlier session will be offered at the next start</source>
   <translation>上次会话还留下 1 个未保存的方案，将在下次启动时提供恢复</translation>
  </message>
  <message>
   <location filename="../desktop/app.py" line="118" />
   <source>{n} more unsaved scenarios left behind by an earlier session will be offered at the next start</source>
   <translation>上次会话还留下 {n} 个未保存的方案，将在下次启动时提供恢复</translation>
  </message>
  <message>
   <location filename="../desktop/app.py" line="86" />
   <source>Cannot open {file}</source>
   <translation>无法打开 {file}</translation>
  </message>
  <message>
   <location filename="../desktop/app.py" line="153" />
   <source>Your work is autosaved. Details: {log}</source>
   <translation>你的工作已自动保存。详情：{log}</translation>
  </message>
  <message>
   <location filename="../desktop/app.py" line="155" />
   <source>Details: {log}</source>
   <translation>详情：{log}</translation>
  </message>
  <message>
   <location filename="../desktop/autosave.py" line="153" />
   <source>{file}: {reason}; set aside in {folder}</source>
   <translation>{file}：{reason}；已移至 {folder}</translation>
  </message>
  <message>
   <location filename="../desktop/autosave.py" line="104" />
   <source>not a name Margin Lab writes</source>
   <translation>不是 Margin Lab 写入的文件名</translation>
  </message>
  <message>
   <location filename="../desktop/autosave.py" line="111" />
   <source>unreadable</source>
   <translation>无法读取</translation>
  </message>
  <message>
   <location filename="../desktop/autosave.py" line="150" />
   <source>{file}: {reason}; could not be set aside ({error})</source>
   <translation>{file}：{reason}；无法移走（{error}）</translation>
  </message>
  <message>
   <location filename="../desktop/autosave.py" line="86" />
   <source>{folder} is not a folder: unsaved work is not autosaved</source>
   <translation>{folder} 不是文件夹：未保存的工作不会自动保存</translation>
  </message>
  <message>
   <location filename="../desktop/autosave.py" line="97" />
   <source>{folder} cannot be read ({reason})</source>
   <translation>无法读取 {folder}（{reason}）</translation>
  </message>
  <message>
   <location filename="../desktop/autosave.py" line="219" />
   <source>Autosave is off: {folder} cannot be written ({reason})</source>
   <translation>自动保存已关闭：无法写入 {folder}（{reason}）</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="70" />
   <source>Fill</source>
   <translation>成交</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="71" />
   <source>Price</source>
   <translation>价格</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="72" />
   <source>Qty</source>
   <translation>数量</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="73" />
   <source>Total qty</source>
   <translation>总数量</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="74" />
   <source>Avg entry</source>
   <translation>平均开仓价</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="75" />
   <source>Margin</source>
   <translation>保证金</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="76" />
   <source>Liq. isolated</source>
   <translation>逐仓强平价</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="77" />
   <source>Liq. cross</source>
   <translation>全仓强平价</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="575" />
   <source>Binance's Max Open: available / (price / leverage + open loss per unit), within the tier that allows the leverage. Fees not included.</source>
   <translation>币安最大可开：可用余额 / (价格 / 杠杆 + 每单位开仓损失)，限于允许该杠杆的档位内。未含手续费。</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="99" />
   <source>The order</source>
   <translation>订单</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="101" />
   <source>calculator symbol</source>
   <translation>计算器 合约</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="102" />
   <source>calculator side</source>
   <translation>计算器 方向</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="105" />
   <source>Leverage of the order: its margin is notional / leverage</source>
   <translation>订单杠杆：保证金 = 名义价值 / 杠杆</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="106" />
   <source>calculator leverage</source>
   <translation>计算器 杠杆</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="110" />
   <source>Order price (its entry); empty = the symbol's mark</source>
   <translation>订单价格（即开仓价）；留空 = 该合约的标记价格</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="110" />
   <source>calculator price</source>
   <translation>计算器 价格</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="113" />
   <source>table</source>
   <translation>档位表</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="114" />
   <source>MMR override in %, where no tier table covers the symbol; empty = the rate the account's own positions in it hold</source>
   <translation>维持保证金率覆盖值（%），用于没有档位表覆盖的交易对；留空 = 账户中该交易对现有仓位所用的费率</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="118" />
   <source>calculator mmr</source>
   <translation>计算器 维持保证金率</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="126" />
   <source>Pr&amp;ice</source>
   <translation>价格(&amp;I)</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="130" />
   <source>calculator problems</source>
   <translation>计算器 问题</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="134" />
   <source>PnL &amp;&amp; target</source>
   <translation>盈亏与目标价</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="135" />
   <source>Average &amp;&amp; DCA</source>
   <translation>均价与分批建仓</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="136" />
   <source>Max open</source>
   <translation>最大可开</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="137" />
   <source>Size from loss</source>
   <translation>按亏损定仓位</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="138" />
   <source>Funding</source>
   <translation>资金费</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="180" />
   <source>Quantity of the order, base units</source>
   <translation>订单数量，以基础币计</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="181" />
   <source>calculator quantity</source>
   <translation>计算器 数量</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="184" />
   <source>Where you would close</source>
   <translation>你打算平仓的价格</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="184" />
   <source>exit price</source>
   <translation>平仓价格</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="188" />
   <source>Return on the margin you aim for, in %</source>
   <translation>目标保证金收益率，单位 %</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="189" />
   <source>target roe</source>
   <translation>目标收益率</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="193" />
   <source>Profit you aim for, settlement currency</source>
   <translation>目标盈利，以结算币种计</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="194" />
   <source>target pnl</source>
   <translation>目标盈亏</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="196" />
   <source>Quantity</source>
   <translation>数量</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="197" />
   <source>E&amp;xit price</source>
   <translation>平仓价格(&amp;X)</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="198" />
   <source>Target ROE %</source>
   <translation>目标收益率 %</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="199" />
   <source>Target PnL</source>
   <translation>目标盈亏</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="212" />
   <source>A new position with the order above, or fills added to a position of the account (its quantity, entry and margin first)</source>
   <translation>用上面的订单开一个新仓位，或把成交加到账户里已有的仓位上（先计入它的数量、开仓价和保证金）</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="220" />
   <source>One fill a line: quantity @ price, e.g. 0.5 @ 60000</source>
   <translation>每行一笔成交：数量 @ 价格，例如 0.5 @ 60000</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="232" />
   <source>After each fill: average entry Σ q·p / Σ q (Bybit), margin at the order's leverage, and the liquidation price held isolated and held cross in this account, with the market at that fill</source>
   <translation>每笔成交后：平均开仓价 Σ q·p / Σ q（Bybit）、按订单杠杆计的保证金，以及在该成交时的行情下，本账户中逐仓持有和全仓持有的强平价格</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="252" />
   <source>available balance</source>
   <translation>可用余额</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="253" />
   <source>Isolated: the margin you set; empty = the available balance</source>
   <translation>逐仓：你设定的保证金；留空 = 可用余额</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="254" />
   <source>max open margin</source>
   <translation>最大可开 保证金</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="257" />
   <source>none</source>
   <translation>无</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="258" />
   <source>The venue's quantity step, e.g. 0.001; the size is floored to it</source>
   <translation>交易所的数量步长，例如 0.001；仓位向下取整到它</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="259" />
   <source>quantity step</source>
   <translation>数量步长</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="261" />
   <source>Isolated margin</source>
   <translation>逐仓保证金</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="262" />
   <source>Quantity step</source>
   <translation>数量步长</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="274" />
   <source>Where you would be proved wrong: the stop price</source>
   <translation>证明你判断错误的价格：止损价</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="275" />
   <source>stop price</source>
   <translation>止损价</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="278" />
   <source>max acceptable loss</source>
   <translation>最大可接受亏损</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="279" />
   <source>The loss you accept; empty = the account's max acceptable loss</source>
   <translation>你能接受的亏损；留空 = 账户的最大可接受亏损</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="280" />
   <source>loss you accept</source>
   <translation>可接受亏损</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="282" />
   <source>Stop price</source>
   <translation>止损价</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="283" />
   <source>Loss you accept</source>
   <translation>可接受亏损</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="296" />
   <source>Funding rate per interval, in % (positive: longs pay)</source>
   <translation>每期资金费率，单位 %（正值：多头支付）</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="296" />
   <source>funding rate</source>
   <translation>资金费率</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="299" />
   <source>How long you hold, in hours</source>
   <translation>持仓时长，单位小时</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="299" />
   <source>holding time</source>
   <translation>持仓时长</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="301" />
   <source>Position</source>
   <translation>仓位</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="302" />
   <source>Rate % / interval</source>
   <translation>费率 % / 期</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="303" />
   <source>Hold (hours)</source>
   <translation>持仓（小时）</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="311" />
   <source>holding time (hours)</source>
   <translation>持仓时长（小时）</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="312" />
   <source>liquidation price</source>
   <translation>强平价格</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="565" />
   <source>Bybit's order cost: initial margin + fee to open + fee to close at the bankruptcy price, within the tier that allows the leverage.</source>
   <translation>Bybit 委托成本：起始保证金 + 开仓手续费 + 按破产价计的平仓手续费，限于允许该杠杆的档位内。</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="570" />
   <source>Bitget's maximum open: available / (price × (1 / leverage + fee rate) + open loss per unit), within the tier that allows the leverage. Its freeze markups are not published (taken as 0): Bitget's own figure can be a little lower.</source>
   <translation>Bitget 最大可开：可用余额 / (价格 × (1 / 杠杆 + 手续费率) + 每单位开仓损失)，限于允许该杠杆的档位内。其冻结上浮比例未公布（按 0 计）：Bitget 自己的数字可能略低。</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="622" />
   <source>&lt;span style='color:#707070'&gt;Cross counts what the account loses, so a position that takes the pool down with it costs the whole pool.&lt;/span&gt;</source>
   <translation>&lt;span style='color:#707070'&gt;全仓计算的是账户的亏损，所以一个会拖垮资金池的仓位，代价就是整个资金池。&lt;/span&gt;</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="680" />
   <source> Its isolated margin is used up: liquidated.</source>
   <translation> 其逐仓保证金已耗尽：被强平。</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="373" />
   <source>type it</source>
   <translation>请输入</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="500" />
   <source>contracts</source>
   <translation>张</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="529" />
   <source>margin set</source>
   <translation>设定的保证金</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="531" />
   <source>the tier's maximum notional at this leverage</source>
   <translation>该杠杆下档位的最大名义价值</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="593" />
   <source>n/a</source>
   <translation>无</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="598" />
   <source> — liquidated before the stop: the loss is the margin</source>
   <translation> — 在止损前已被强平：亏损即为保证金</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="122" />
   <source>Symbol</source>
   <translation>合约</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="122" />
   <source>Side</source>
   <translation>方向</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="123" />
   <source>Leverage ×</source>
   <translation>杠杆 ×</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="124" />
   <source>MMR %</source>
   <translation>维持保证金率 %</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="179" />
   <source>e.g. {value}</source>
   <translation>例如 {value}</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="331" />
   <source>A new position</source>
   <translation>新仓位</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="472" />
   <source>Break-even after fees: &lt;b&gt;{price}&lt;/b&gt;</source>
   <translation>扣费后保本价：&lt;b&gt;{price}&lt;/b&gt;</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="580" />
   <source>Hyperliquid publishes no max-open formula; this is {rest}</source>
   <translation>Hyperliquid 未公布最大可开公式；此处用的是{rest}</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="586" />
   <source>With the stop at {stop} and {loss} accepted:</source>
   <translation>止损价 {stop}，可接受亏损 {loss}：</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="636" />
   <source>liquidation price ({currency})</source>
   <translation>强平价格（{currency}）</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="675" />
   <source>Liquidation after: held isolated {isolated}, held cross {cross}.</source>
   <translation>之后的强平价格：逐仓持有 {isolated}，全仓持有 {cross}。</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="375" />
   <source>{amount} (the account's)</source>
   <translation>{amount}（账户设定）</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="447" />
   <source>Initial margin {amount} (contracts × size / price / leverage)</source>
   <translation>初始保证金 {amount}（张数 × 面值 / 价格 / 杠杆）</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="449" />
   <source>Initial margin {amount} (quantity × price / leverage)</source>
   <translation>初始保证金 {amount}（数量 × 价格 / 杠杆）</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="455" />
   <source>At {price}: &lt;b&gt;PnL {pnl}&lt;/b&gt;, ROE {roe} before fees</source>
   <translation>在 {price}：&lt;b&gt;盈亏 {pnl}&lt;/b&gt;，收益率 {roe}（未扣费）</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="460" />
   <source>Fees at {rate} taker: {open} to open + {close} to close → &lt;b&gt;PnL {pnl}&lt;/b&gt;, ROE {roe} after fees</source>
   <translation>吃单费率 {rate}：开仓 {open} + 平仓 {close} → &lt;b&gt;盈亏 {pnl}&lt;/b&gt;，收益率 {roe}（扣费后）</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="478" />
   <source>Exit for ROE {roe}: &lt;b&gt;{price}&lt;/b&gt; (before fees)</source>
   <translation>收益率 {roe} 的平仓价：&lt;b&gt;{price}&lt;/b&gt;（未扣费）</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="485" />
   <source>Exit for PnL {pnl}: &lt;b&gt;{price}&lt;/b&gt; (before fees)</source>
   <translation>盈亏 {pnl} 的平仓价：&lt;b&gt;{price}&lt;/b&gt;（未扣费）</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="533" />
   <source>the {source} ({amount})</source>
   <translation>{source}（{amount}）</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="540" />
   <source>, fees {amount}</source>
   <translation>，手续费 {amount}</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="545" />
   <source>&lt;b&gt;{mode}&lt;/b&gt;: {quantity} — notional {notional}, margin {margin}, open loss {loss}{fees}; limited by {why}</source>
   <translation>&lt;b&gt;{mode}&lt;/b&gt;：{quantity} — 名义价值 {notional}，保证金 {margin}，开仓损失 {loss}{fees}；受限于{why}</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="603" />
   <source>&lt;b&gt;{mode}&lt;/b&gt;: largest size {quantity}, loses {loss} at the stop (fees included){note}; highest leverage {leverage}</source>
   <translation>&lt;b&gt;{mode}&lt;/b&gt;：最大仓位 {quantity}，在止损价亏损 {loss}（含手续费）{note}；最高杠杆 {leverage}</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="617" />
   <source>Isolated margin that puts the liquidation at the stop: &lt;b&gt;{amount}&lt;/b&gt;</source>
   <translation>使强平价正好落在止损价的逐仓保证金：&lt;b&gt;{amount}&lt;/b&gt;</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="649" />
   <source>Over {hours} h (1 payment, due after {every} h, at {rate}) it pays {amount}.</source>
   <translation>{hours} 小时内（共 1 次，{every} 小时后支付，费率 {rate}）支付 {amount}。</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="651" />
   <source>Over {hours} h ({n} payments, one every {every} h, at {rate} each) it pays {amount}.</source>
   <translation>{hours} 小时内（共 {n} 次，每 {every} 小时一次，每次 {rate}）支付 {amount}。</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="658" />
   <source>Over {hours} h (1 payment, due after {every} h, at {rate}) it receives {amount}.</source>
   <translation>{hours} 小时内（共 1 次，{every} 小时后收取，费率 {rate}）收取 {amount}。</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="663" />
   <source>Over {hours} h ({n} payments, one every {every} h, at {rate} each) it receives {amount}.</source>
   <translation>{hours} 小时内（共 {n} 次，每 {every} 小时一次，每次 {rate}）收取 {amount}。</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="316" />
   <source>held {mode}</source>
   <translation>{mode}持有</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="517" />
   <source>Fill {n}: {note}</source>
   <translation>第 {n} 笔成交：{note}</translation>
  </message>
  <message>
   <location filename="../desktop/calculator_view.py" line="332" />
   <source>Add to {position}</source>
   <translation>加到 {position}</translation>
  </message>
  <message>
   <location filename="../desktop/comparison_panel.py" line="219" />
   <source>iso</source>
   <translation>逐仓</translation>
  </message>
  <message>
   <location filename="../desktop/comparison_panel.py" line="219" />
   <source>cross</source>
   <translation>全仓</translation>
  </message>
  <message>
   <location filename="../desktop/comparison_panel.py" line="267" />
   <source>⚠ … and {n} more: hold the pointer here to read them</source>
   <translation>⚠ … 另有 {n} 条:将指针停在此处即可阅读全部</translation>
  </message>
  <message>
   <location filename="../desktop/comparison_panel.py" line="351" />
   <source>{n} symbols moved</source>
   <translation>{n} 个合约已移动</translation>
  </message>
  <message>
   <location filename="../desktop/comparison_panel.py" line="239" />
   <source>&lt;b&gt;Max loss if wrong: {loss} {currency}&lt;/b&gt;&lt;br&gt;Equity now {equity} {currency} · margin put in {margin} {currency} · margin ratio {ratio}</source>
   <translation>&lt;b&gt;判断错误时的最大亏损：{loss} {currency}&lt;/b&gt;&lt;br&gt;当前权益 {equity} {currency} · 投入保证金 {margin} {currency} · 保证金率 {ratio}</translation>
  </message>
  <message>
   <location filename="../desktop/comparison_panel.py" line="326" />
   <source>at the what-if: {prices}</source>
   <translation>假设价格下：{prices}</translation>
  </message>
  <message>
   <location filename="../desktop/comparison_panel.py" line="255" />
   <source>In USD: equity now {equity} · max loss if wrong {loss} (fewer coins, each worth less)</source>
   <translation>折合美元：当前权益 {equity} · 判断错误时的最大亏损 {loss}（币更少，每个币也更不值钱）</translation>
  </message>
  <message>
   <location filename="../desktop/controller.py" line="886" />
   <source>must be a number</source>
   <translation>必须是数字</translation>
  </message>
  <message>
   <location filename="../desktop/controller.py" line="330" />
   <source>Edit taker fee</source>
   <translation>修改吃单手续费</translation>
  </message>
  <message>
   <location filename="../desktop/controller.py" line="465" />
   <source>Add position</source>
   <translation>添加仓位</translation>
  </message>
  <message>
   <location filename="../desktop/controller.py" line="482" />
   <source>Duplicate position</source>
   <translation>复制仓位</translation>
  </message>
  <message>
   <location filename="../desktop/controller.py" line="487" />
   <source>Remove position</source>
   <translation>删除仓位</translation>
  </message>
  <message>
   <location filename="../desktop/controller.py" line="532" />
   <source>Other symbols</source>
   <translation>其他合约</translation>
  </message>
  <message>
   <location filename="../desktop/controller.py" line="887" />
   <source>must be a number: {problem}</source>
   <translation>必须是数字：{problem}</translation>
  </message>
  <message>
   <location filename="../desktop/controller.py" line="908" />
   <source>Edit {field}</source>
   <translation>修改{field}</translation>
  </message>
  <message>
   <location filename="../desktop/controller.py" line="225" />
   <source>BTC-margined</source>
   <translation>BTC 币本位</translation>
  </message>
  <message>
   <location filename="../desktop/controller.py" line="232" />
   <source>USDT-margined</source>
   <translation>USDT 本位</translation>
  </message>
  <message>
   <location filename="../desktop/controller.py" line="246" />
   <source>Add account</source>
   <translation>添加账户</translation>
  </message>
  <message>
   <location filename="../desktop/controller.py" line="260" />
   <source>Remove account</source>
   <translation>移除账户</translation>
  </message>
  <message>
   <location filename="../desktop/controller.py" line="373" />
   <source>another position has this ID</source>
   <translation>已有其他仓位使用此 ID</translation>
  </message>
  <message>
   <location filename="../desktop/controller.py" line="419" />
   <source>must be a number &gt; 0</source>
   <translation>必须是大于 0 的数字</translation>
  </message>
  <message>
   <location filename="../desktop/controller.py" line="422" />
   <source>Size by {kind}</source>
   <translation>按{kind}设定仓位</translation>
  </message>
  <message>
   <location filename="../desktop/controller.py" line="615" />
   <source>{file} names its amounts in {named}, but {rules} settles in {currency}: they are shown in {currency} (save to keep it so)</source>
   <translation>{file} 以 {named} 计价，但 {rules} 以 {currency} 结算：金额按 {currency} 显示（保存后即如此）</translation>
  </message>
  <message>
   <location filename="../desktop/controller.py" line="623" />
   <source>no file name</source>
   <translation>没有文件名</translation>
  </message>
  <message>
   <location filename="../desktop/controller.py" line="471" />
   <source>Open {id}</source>
   <translation>开仓 {id}</translation>
  </message>
  <message>
   <location filename="../desktop/controller.py" line="301" />
   <source>{rules} settles in {currency}; choose the generic rules for another currency</source>
   <translation>{rules} 以 {currency} 结算；其他币种请选择通用规则（generic）</translation>
  </message>
  <message>
   <location filename="../desktop/controller.py" line="321" />
   <source>must be between 0 and {most} %</source>
   <translation>必须在 0 到 {most} % 之间</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="42" />
   <source>entered</source>
   <translation>按输入</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="59" />
   <source>Move the what-if line to see each variant's equity there.</source>
   <translation>移动假设价格线，查看各方案在该处的权益。</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="85" />
   <source>What if {where}: {figures}</source>
   <translation>假设 {where}：{figures}</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="239" />
   <source>Move one symbol's price (others stay at their marks), or move every symbol by the same percentage</source>
   <translation>移动一个合约的价格（其他合约保持标记价格），或让所有合约按相同百分比移动</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="251" />
   <source>Where the what-if line stands: type a price, or a move from the mark such as -10% (on the all-symbols axis, the % move of every symbol), and press Enter, or step it with Up/Down and PageUp/PageDown. Dragging the line in the plot moves it too.</source>
   <translation>假设线的位置：输入价格，或相对标记价格的变动，如 -10%（在全部合约轴上，为每个合约的百分比变动），然后按回车；或用上/下键和 PageUp/PageDown 调整。在图中拖动假设线也会移动它。</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="263" />
   <source>What &amp;if:</source>
   <translation>假设(&amp;I)：</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="333" />
   <source>Drag: each variant's equity and liquidations at this price</source>
   <translation>拖动：各方案在此价格下的权益和强平</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="362" />
   <source>Move other symbols too, each its own way: a % from its mark or a price, e.g. 'ETH -10%, SOL 150' (ALL -20% moves every symbol). Enter applies it; the line sets the symbol on the plot's axis. Empty: the other symbols stay at their marks.</source>
   <translation>让其他合约也各自移动：相对标记价格的 % 或一个价格，例如 'ETH -10%, SOL 150'（ALL -20% 移动所有合约）。回车生效；图中的线设定横轴上的合约。留空：其他合约保持标记价格。</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="370" />
   <source>Other sym&amp;bols:</source>
   <translation>其他合约(&amp;B)：</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="379" />
   <source>The figures in the cards above: at today's marks, or as if the market stood at the what-if prices (liquidation prices, distances and ratios from there)</source>
   <translation>上方卡片中的数字：按今日标记价格，或假设市场处于假设价格（强平价格、距离和保证金率从那里算起）</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="387" />
   <source>&amp;Cards show figures</source>
   <translation>卡片显示(&amp;C)</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="394" />
   <source>in USD, beside the same on USDT (grey dashes)</source>
   <translation>以美元计，并列 U 本位同样仓位（灰色虚线）</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="395" />
   <source>in the coin</source>
   <translation>以币计</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="397" />
   <source>A coin-margined account's equity in USD at each price, or in the coin. In USD a long loses twice as the price falls: fewer coins, each worth less. The grey dashed curve is the same trades USDT-margined.</source>
   <translation>币本位账户在各价格下以美元或以币计的权益。以美元计时，多单在价格下跌时双重亏损：币更少，每个币也更不值钱。灰色虚线是同样的交易以 U 本位（USDT 保证金）持有。</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="404" />
   <source>&amp;Equity</source>
   <translation>权益(&amp;E)</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="452" />
   <source>no other symbol held</source>
   <translation>账户没有其他交易对</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="461" />
   <source>Move of every symbol (%)</source>
   <translation>所有合约的变动 (%)</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="62" />
   <source>all symbols {move}</source>
   <translation>所有合约 {move}</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="235" />
   <source>Equity against:</source>
   <translation>权益对应：</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="328" />
   <source>what if</source>
   <translation>假设</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="377" />
   <source>at today's marks</source>
   <translation>按今日标记价格</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="377" />
   <source>at the what-if</source>
   <translation>按假设价格</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="493" />
   <source>Add a position to see the equity curves.</source>
   <translation>添加一个仓位以查看权益曲线。</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="595" />
   <source>{ids} liquidated by the other symbols' moves ({variants})</source>
   <translation>{ids} 因其他合约的变动被强平（{variants}）</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="629" />
   <source>Liquidation lines: </source>
   <translation>强平线：</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="77" />
   <source> — liquidated: {ids}</source>
   <translation> — 已强平：{ids}</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="79" />
   <source> — past liquidation already: {ids}</source>
   <translation> — 已越过强平：{ids}</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="463" />
   <source>{symbol} price ({currency})</source>
   <translation>{symbol} 价格（{currency}）</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="476" />
   <source>Equity ({currency})</source>
   <translation>权益（{currency}）</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="555" />
   <source>start equity {amount}</source>
   <translation>初始权益 {amount}</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="597" />
   <source>{ids} past liquidation already ({variants})</source>
   <translation>{ids} 已越过强平（{variants}）</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="599" />
   <source>{ids} liquidated ({variants}) at {where}</source>
   <translation>{ids} 被强平（{variants}），位置 {where}</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="607" />
   <source>{ids} ({variants})</source>
   <translation>{ids}（{variants}）</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="612" />
   <source>{variants}: {ids} liquidated by the other symbols' moves, lost at any price on this axis</source>
   <translation>{variants}：{ids} 因其他合约的变动被强平，此轴上任何价格都已亏掉</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="845" />
   <source>what if {where}</source>
   <translation>假设 {where}</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="104" />
   <source>{variant} liquidates: {ids}</source>
   <translation>{variant} 强平：{ids}</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="108" />
   <source>{variant}, past liquidation already: {ids}</source>
   <translation>{variant}，已越过强平：{ids}</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="567" />
   <source>max acceptable loss {limit}: equity {equity}</source>
   <translation>最大可接受亏损 {limit}：权益 {equity}</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="617" />
   <source>{variants}: {ids} already past liquidation at today's marks, lost at any price on this axis</source>
   <translation>{variants}：{ids} 按今天的标记价已越过强平，此轴上任何价格都已亏掉</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="622" />
   <source>{variants}: {ids} liquidated when the move reaches {where}</source>
   <translation>{variants}：价格移动到 {where} 时 {ids} 被强平</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="627" />
   <source>… and {n} more, farther from the marks</source>
   <translation>… 另有 {n} 条，离标记价格更远</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="633" />
   <source>The numbered liquidation lines on the plot, nearest first:</source>
   <translation>图上编号的强平线，由近及远：</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="826" />
   <source>{problem}; nothing moved</source>
   <translation>{problem}；未移动</translation>
  </message>
  <message>
   <location filename="../desktop/equity_plot.py" line="436" />
   <source>{problems}; the moves shown are the last valid ones</source>
   <translation>{problems}；显示的是上一次有效的移动</translation>
  </message>
  <message>
   <location filename="../desktop/fields.py" line="120" />
   <source>an empty value</source>
   <translation>空值</translation>
  </message>
  <message>
   <location filename="../desktop/fields.py" line="139" />
   <source>empty</source>
   <translation>空</translation>
  </message>
  <message>
   <location filename="../desktop/fields.py" line="128" />
   <source>{field}: {typed} was not used; {value} stays ({back} is refused: {why})</source>
   <translation>{field}：未采用 {typed}；保留 {value}（{back} 不被接受：{why}）</translation>
  </message>
  <message>
   <location filename="../desktop/fields.py" line="141" />
   <source>{field}: {typed} was not used ({problem}); back to {value}</source>
   <translation>{field}：未采用 {typed}（{problem}）；已恢复为 {value}</translation>
  </message>
  <message>
   <location filename="../desktop/fields.py" line="145" />
   <source>{field}: {typed} was not used; back to {value}</source>
   <translation>{field}：未采用 {typed}；已恢复为 {value}</translation>
  </message>
  <message>
   <location filename="../desktop/figures_table.py" line="42" />
   <source>ID</source>
   <translation>编号</translation>
  </message>
  <message>
   <location filename="../desktop/figures_table.py" line="43" />
   <source>Liq. price</source>
   <translation>强平价</translation>
  </message>
  <message>
   <location filename="../desktop/figures_table.py" line="44" />
   <source>Dist.</source>
   <translation>距离</translation>
  </message>
  <message>
   <location filename="../desktop/figures_table.py" line="45" />
   <source>Max loss</source>
   <translation>最大亏损</translation>
  </message>
  <message>
   <location filename="../desktop/figures_table.py" line="46" />
   <source>Ratio</source>
   <translation>保证金率</translation>
  </message>
  <message>
   <location filename="../desktop/figures_table.py" line="108" />
   <source>{id}: {symbol} {side}, {mode} in this variant</source>
   <translation>{id}：{symbol} {side}，本方案中为{mode}</translation>
  </message>
  <message>
   <location filename="../desktop/figures_table.py" line="153" />
   <source>The position's ID</source>
   <translation>仓位编号</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="40" />
   <source>Margin Lab scenario (*.marginlab.json *.json);;All files (*)</source>
   <translation>Margin Lab 方案 (*.marginlab.json *.json);;所有文件 (*)</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="73" />
   <source>Unsaved changes</source>
   <translation>未保存的更改</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="90" />
   <source>Restore unsaved work?</source>
   <translation>恢复未保存的工作？</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="97" />
   <source>&amp;Restore</source>
   <translation>恢复(&amp;R)</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="98" />
   <source>&amp;Discard</source>
   <translation>丢弃(&amp;D)</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="99" />
   <source>&amp;Later</source>
   <translation>稍后(&amp;L)</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="131" />
   <source>Open &amp;Recent</source>
   <translation>最近打开(&amp;R)</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="133" />
   <source>&amp;Import positions…</source>
   <translation>导入仓位(&amp;I)…</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="135" />
   <source>A venue's saved positions answer: Binance positionRisk, Bybit v5 position list, Hyperliquid clearinghouseState</source>
   <translation>交易所保存的仓位返回数据：币安 positionRisk、Bybit v5 持仓列表、Hyperliquid clearinghouseState</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="142" />
   <source>Import &amp;tier table…</source>
   <translation>导入档位表(&amp;T)…</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="144" />
   <source>A venue's tier answer (Binance leverageBracket, Bybit risk-limit, Hyperliquid meta, ccxt fetch_leverage_tiers): it prices its symbols from now on</source>
   <translation>交易所的档位返回数据（币安 leverageBracket、Bybit risk-limit、Hyperliquid meta、ccxt fetch_leverage_tiers）：此后由它为其合约定价</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="163" />
   <source>&amp;Quit</source>
   <translation>退出(&amp;Q)</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="226" />
   <source>Import positions</source>
   <translation>导入仓位</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="230" />
   <source>Import tier table</source>
   <translation>导入档位表</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="368" />
   <source>Save scenario as</source>
   <translation>方案另存为</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="373" />
   <source>Export comparison picture</source>
   <translation>导出对比图片</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="373" />
   <source>PNG image (*.png)</source>
   <translation>PNG 图片 (*.png)</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="385" />
   <source>Export plot picture</source>
   <translation>导出图表图片</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="395" />
   <source>Export comparison</source>
   <translation>导出对比</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="395" />
   <source>CSV (*.csv)</source>
   <translation>CSV (*.csv)</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="413" />
   <source>Export curves</source>
   <translation>导出曲线</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="494" />
   <source>Imported {n} positions from {file}</source>
   <translation>已从 {file} 导入 {n} 个仓位</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="107" />
   <source>Open scenario</source>
   <translation>打开方案</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="123" />
   <source>&amp;New</source>
   <translation>新建(&amp;N)</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="124" />
   <source>&amp;Open…</source>
   <translation>打开(&amp;O)…</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="125" />
   <source>&amp;Save</source>
   <translation>保存(&amp;S)</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="126" />
   <source>Save &amp;As…</source>
   <translation>另存为(&amp;A)…</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="153" />
   <source>Export comparison as &amp;PNG…</source>
   <translation>导出对比为 PNG(&amp;P)…</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="154" />
   <source>Export p&amp;lot alone as PNG…</source>
   <translation>仅导出图表为 PNG(&amp;L)…</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="155" />
   <source>Export comparison as &amp;CSV…</source>
   <translation>导出对比为 CSV(&amp;C)…</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="156" />
   <source>Export c&amp;urves as CSV…</source>
   <translation>导出曲线为 CSV(&amp;U)…</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="234" />
   <source>Venue answer (*.json);;All (*)</source>
   <translation>交易所返回数据 (*.json);;全部 (*)</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="308" />
   <source>Wallet balance</source>
   <translation>钱包余额</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="376" />
   <source>Export failed</source>
   <translation>导出失败</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="411" />
   <source>No curves to export: the book holds no position</source>
   <translation>没有可导出的曲线：账户没有仓位</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="489" />
   <source>Imported {n} positions from {file}; the plot shows {symbol}, the largest</source>
   <translation>已从 {file} 导入 {n} 个仓位；图表显示价值最大的 {symbol}</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="493" />
   <source>Imported 1 position from {file}</source>
   <translation>已从 {file} 导入 1 个仓位</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="91" />
   <source>Margin Lab closed without saving “{name}” (autosaved {when}). Restore it?</source>
   <translation>Margin Lab 关闭时没有保存“{name}”（自动保存于 {when}）。要恢复吗？</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="319" />
   <source>wallet: no wallet balance given</source>
   <translation>钱包：未给出钱包余额</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="452" />
   <source>Save failed</source>
   <translation>保存失败</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="75" />
   <source>Save the changes to “{name}” ({file}) first?</source>
   <translation>先保存对“{name}”（{file}）的更改吗？</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="77" />
   <source>Save the changes to “{name}” (not saved yet) first?</source>
   <translation>先保存对“{name}”（尚未保存）的更改吗？</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="270" />
   <source>Cannot import {file}</source>
   <translation>无法导入 {file}</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="287" />
   <source>{rules}: {n} symbols priced by {file} from now on</source>
   <translation>{rules}：此后 {n} 个合约由 {file} 定价</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="289" />
   <source>{rules}: 1 symbol priced by {file} from now on</source>
   <translation>{rules}：此后 1 个合约由 {file} 定价</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="309" />
   <source>The {venue} file does not state the wallet balance. Wallet balance (at least {least}, the margin its isolated positions hold):</source>
   <translation>{venue} 文件中没有钱包余额。钱包余额（至少 {least}，即其逐仓仓位占用的保证金）：</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="404" />
   <source>Comparison saved to {file}</source>
   <translation>对比已保存到 {file}</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="424" />
   <source>Curves saved to {file}: {n} points</source>
   <translation>曲线已保存到 {file}：{n} 个点</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="439" />
   <source>Comparison copied: {n} rows, tab-separated, ready to paste</source>
   <translation>对比已复制：{n} 行，制表符分隔，可直接粘贴</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="334" />
   <source>Maintenance rate</source>
   <translation>维持保证金率</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="376" />
   <source>{file}: could not be written</source>
   <translation>{file}：无法写入</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="379" />
   <source>Picture saved to {file}</source>
   <translation>图片已保存到 {file}</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="391" />
   <source>Plot saved to {file}</source>
   <translation>图表已保存到 {file}</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="335" />
   <source>No tier table covers {symbol}. MMR in %:</source>
   <translation>没有档位表覆盖 {symbol}。维持保证金率（%）：</translation>
  </message>
  <message>
   <location filename="../desktop/file_actions.py" line="337" />
   <source>No tier table covers {symbol}. MMR in % (most {rules} symbols start at {rate} %):</source>
   <translation>没有档位表覆盖 {symbol}。维持保证金率 %（{rules} 的大多数交易对起始为 {rate} %）：</translation>
  </message>
  <message>
   <location filename="../desktop/i18n.py" line="69" />
   <source>isolated</source>
   <translation>逐仓</translation>
  </message>
  <message>
   <location filename="../desktop/i18n.py" line="69" />
   <source>long</source>
   <translation>做多</translation>
  </message>
  <message>
   <location filename="../desktop/i18n.py" line="69" />
   <source>short</source>
   <translation>做空</translation>
  </message>
  <message>
   <location filename="../desktop/i18n.py" line="70" />
   <source>Isolated</source>
   <translation>逐仓</translation>
  </message>
  <message>
   <location filename="../desktop/i18n.py" line="70" />
   <source>Cross</source>
   <translation>全仓</translation>
  </message>
  <message>
   <location filename="../desktop/i18n.py" line="70" />
   <source>Long</source>
   <translation>做多</translation>
  </message>
  <message>
   <location filename="../desktop/i18n.py" line="70" />
   <source>Short</source>
   <translation>做空</translation>
  </message>
  <message>
   <location filename="../desktop/i18n.py" line="63" />
   <source> and {n} more</source>
   <translation> 及另外 {n} 个</translation>
  </message>
  <message>
   <location filename="../desktop/line_key.py" line="38" />
   <source>How each variant is drawn: colour and dash pattern, so the lines can be told apart without colour</source>
   <translation>各方案的画法：颜色和虚线样式，不靠颜色也能区分</translation>
  </message>
  <message>
   <location filename="../desktop/line_key.py" line="43" />
   <source>How each line is drawn</source>
   <translation>每条线的画法</translation>
  </message>
  <message>
   <location filename="../desktop/loss_chart.py" line="36" />
   <source>Max loss if wrong: the sum of the pools you can lose (isolated margins; the whole cross pool). Dashed line: your max acceptable loss</source>
   <translation>判断错误时的最大亏损：你可能亏掉的各资金池之和（逐仓保证金；整个全仓资金池）。虚线：你的最大可接受亏损</translation>
  </message>
  <message>
   <location filename="../desktop/loss_chart.py" line="75" />
   <source>Max loss if wrong ({currency})</source>
   <translation>判断错误时的最大亏损（{currency}）</translation>
  </message>
  <message>
   <location filename="../desktop/loss_chart.py" line="87" />
   <source>acceptable {amount}</source>
   <translation>可接受 {amount}</translation>
  </message>
  <message>
   <location filename="../desktop/loss_chart.py" line="72" />
   <source>Max loss if wrong, from the what-if ({currency})</source>
   <translation>判断错误时的最大亏损，从假设价格起（{currency}）</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="170" />
   <source>Edit any figure on the left; everything on the right follows as you type. F1: glossary.</source>
   <translation>修改左侧任一数字，右侧随输入即时更新。F1：术语表。</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="211" />
   <source>Before you open: isolated or cross?</source>
   <translation>开仓之前：逐仓还是全仓？</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="215" />
   <source>The order you are about to place, opened isolated and opened cross in this account, against the loss you accept (Ctrl+T)</source>
   <translation>你将要下的订单，在本账户中分别以逐仓和全仓开仓，与你能接受的亏损对比（Ctrl+T）</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="239" />
   <source>Positions (double-click a cell to edit; tick Isolated to toggle the margin mode)</source>
   <translation>仓位（双击单元格编辑；勾选“逐仓”切换保证金模式）</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="250" />
   <source>Price &amp;move</source>
   <translation>价格变动(&amp;M)</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="252" />
   <source>Re&amp;play a path</source>
   <translation>回放价格路径(&amp;P)</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="253" />
   <source>Ris&amp;k (Monte Carlo)</source>
   <translation>风险（蒙特卡洛）(&amp;K)</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="254" />
   <source>Calculator</source>
   <translation>计算器</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="255" />
   <source>Before you open</source>
   <translation>开仓之前</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="257" />
   <source>Equity against a what-if price move</source>
   <translation>权益随假设价格变动的曲线</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="258" />
   <source>A price path in time: a wick or a sustained crash</source>
   <translation>随时间变化的价格路径：插针或持续暴跌</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="259" />
   <source>Odds of liquidation in each mode over many paths</source>
   <translation>多条路径下各模式的强平概率</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="262" />
   <source>PnL and targets, average entry and DCA ladder, max open, size from your loss, funding: per mode (Ctrl+K)</source>
   <translation>盈亏与目标价、均价与分批建仓、最大可开、按亏损定仓位、资金费：按模式分别计算（Ctrl+K）</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="268" />
   <source>The order you are about to place, isolated vs cross, against your loss (Ctrl+T)</source>
   <translation>你将要下的订单，逐仓对比全仓，与你的可接受亏损对照（Ctrl+T）</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="416" />
   <source>&amp;Edit</source>
   <translation>编辑(&amp;E)</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="417" />
   <source>&amp;Undo</source>
   <translation>撤销(&amp;U)</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="419" />
   <source>&amp;Redo</source>
   <translation>重做(&amp;R)</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="450" />
   <source>Remove this accou&amp;nt</source>
   <translation>移除此账户(&amp;N)</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="452" />
   <source>Take the account shown out of this file (Undo brings it back)</source>
   <translation>从本文件中移除当前显示的账户（撤销可恢复）</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="460" />
   <source>&amp;Help</source>
   <translation>帮助(&amp;H)</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="461" />
   <source>&amp;Glossary: isolated vs cross</source>
   <translation>术语表：逐仓与全仓(&amp;G)</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="463" />
   <source>Show or hide the glossary panel (F1)</source>
   <translation>显示或隐藏术语表面板（F1）</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="475" />
   <source>The window's language, from the next start</source>
   <translation>界面语言，下次启动时生效</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="751" />
   <source>An unusual value</source>
   <translation>异常的数值</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="755" />
   <source>Keep it</source>
   <translation>保留</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="756" />
   <source>Put it back</source>
   <translation>改回原值</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="226" />
   <source>&amp;Add</source>
   <translation>添加(&amp;A)</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="226" />
   <source>Add a position (Ctrl+Shift+A)</source>
   <translation>添加仓位（Ctrl+Shift+A）</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="228" />
   <source>D&amp;uplicate</source>
   <translation>复制(&amp;U)</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="229" />
   <source>Duplicate the selected position (Ctrl+D)</source>
   <translation>复制所选仓位（Ctrl+D）</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="232" />
   <source>Re&amp;move</source>
   <translation>删除(&amp;M)</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="232" />
   <source>Remove the selected position (Ctrl+Del)</source>
   <translation>删除所选仓位（Ctrl+Del）</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="372" />
   <source>Glossary: isolated vs cross</source>
   <translation>术语表：逐仓与全仓</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="415" />
   <source>&amp;File</source>
   <translation>文件(&amp;F)</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="424" />
   <source>&amp;Add position</source>
   <translation>添加仓位(&amp;A)</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="425" />
   <source>&amp;Duplicate position</source>
   <translation>复制仓位(&amp;D)</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="426" />
   <source>&amp;Remove position</source>
   <translation>删除仓位(&amp;R)</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="427" />
   <source>&amp;Copy comparison</source>
   <translation>复制对比(&amp;C)</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="436" />
   <source>Add a &amp;coin-margined account</source>
   <translation>添加币本位账户(&amp;C)</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="437" />
   <source>Link a BTC-margined account to this file: its own BTC wallet and positions</source>
   <translation>向本文件添加一个 BTC 币本位账户：有自己的 BTC 钱包和仓位</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="441" />
   <source>Add a USD&amp;T-margined account</source>
   <translation>添加 USDT 本位账户(&amp;T)</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="442" />
   <source>Link a USDT-margined account to this file: its own USDT wallet and positions</source>
   <translation>向本文件添加一个 USDT 本位账户：有自己的 USDT 钱包和仓位</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="459" />
   <source>&amp;Presets</source>
   <translation>预设(&amp;P)</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="466" />
   <source>&amp;Language</source>
   <translation>语言(&amp;L)</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="478" />
   <source>System language</source>
   <translation>跟随系统</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="675" />
   <source>
(the last valid figures stay on screen)</source>
   <translation>
（屏幕上保留最后一次有效的数字）</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="678" />
   <source>… (every problem in the tooltip)</source>
   <translation>…（所有问题见提示框）</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="824" />
   <source>Margin Lab</source>
   <translation>Margin Lab</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="491" />
   <source>Margin Lab will start in {language} next time</source>
   <translation>Margin Lab 下次启动时将使用{language}</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="752" />
   <source>{message}.

Keep it?</source>
   <translation>{message}。

保留吗？</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="816" />
   <source>{name} · wallet {wallet} · {rules}</source>
   <translation>{name} · 钱包 {wallet} · {rules}</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="492" />
   <source>the system language</source>
   <translation>系统语言</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="781" />
   <source>Margin Lab — {name}</source>
   <translation>Margin Lab — {name}</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="739" />
   <source>{id}: the leverage is back to what it was before</source>
   <translation>{id}：杠杆已恢复为之前的值</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="741" />
   <source>{id}: the MMR override is back to what it was before</source>
   <translation>{id}：维持保证金率覆盖值已恢复为之前的值</translation>
  </message>
  <message>
   <location filename="../desktop/main_window.py" line="823" />
   <source>(tiers {date})</source>
   <translation>（档位表 {date}）</translation>
  </message>
  <message>
   <location filename="../desktop/number_dialog.py" line="55" />
   <source>problem</source>
   <translation>问题</translation>
  </message>
  <message>
   <location filename="../desktop/number_dialog.py" line="75" />
   <source>{field}: at least {least}</source>
   <translation>{field}：至少 {least}</translation>
  </message>
  <message>
   <location filename="../desktop/order_fields.py" line="37" />
   <source>Symbol of the order (the account's symbols, or type another)</source>
   <translation>订单合约（账户中的合约，或输入其他合约）</translation>
  </message>
  <message>
   <location filename="../desktop/order_fields.py" line="162" />
   <source>no mark: type it</source>
   <translation>无标记价格：请输入</translation>
  </message>
  <message>
   <location filename="../desktop/order_fields.py" line="162" />
   <source>mark</source>
   <translation>标记价格</translation>
  </message>
  <message>
   <location filename="../desktop/order_fields.py" line="161" />
   <source>mark {price}</source>
   <translation>标记价格 {price}</translation>
  </message>
  <message>
   <location filename="../desktop/order_fields.py" line="126" />
   <source>To see the figures, fill in: {fields}</source>
   <translation>请填写以下字段以查看数值：{fields}</translation>
  </message>
  <message>
   <location filename="../desktop/path_runs.py" line="199" />
   <source>Add a position to simulate.</source>
   <translation>请先添加仓位再模拟。</translation>
  </message>
  <message>
   <location filename="../desktop/path_runs.py" line="188" />
   <source>Volatility: {problem}</source>
   <translation>波动率：{problem}</translation>
  </message>
  <message>
   <location filename="../desktop/path_runs.py" line="231" />
   <source>Candles: {problem}</source>
   <translation>K 线：{problem}</translation>
  </message>
  <message>
   <location filename="../desktop/planner.py" line="43" />
   <source>Size</source>
   <translation>仓位大小</translation>
  </message>
  <message>
   <location filename="../desktop/planner.py" line="45" />
   <source>Leverage</source>
   <translation>杠杆</translation>
  </message>
  <message>
   <location filename="../desktop/planner.py" line="289" />
   <source>Funding rate (%)</source>
   <translation>资金费率 (%)</translation>
  </message>
  <message>
   <location filename="../desktop/planner.py" line="290" />
   <source>Holding time (hours)</source>
   <translation>持仓时长（小时）</translation>
  </message>
  <message>
   <location filename="../desktop/planner.py" line="348" />
   <source>Fills</source>
   <translation>成交</translation>
  </message>
  <message>
   <location filename="../desktop/planner.py" line="421" />
   <source> and </source>
   <translation> 和 </translation>
  </message>
  <message>
   <location filename="../desktop/planner.py" line="143" />
   <source>{rate} (the book's)</source>
   <translation>{rate}（账户现有）</translation>
  </message>
  <message>
   <location filename="../desktop/planner.py" line="178" />
   <source>Leverage: must be between 1 and 1,000</source>
   <translation>杠杆：必须在 1 到 1,000 之间</translation>
  </message>
  <message>
   <location filename="../desktop/planner.py" line="190" />
   <source>MMR override (%)</source>
   <translation>维持保证金率覆盖值 (%)</translation>
  </message>
  <message>
   <location filename="../desktop/planner.py" line="219" />
   <source>Exit price</source>
   <translation>平仓价格</translation>
  </message>
  <message>
   <location filename="../desktop/planner.py" line="220" />
   <source>Target ROE (%)</source>
   <translation>目标收益率 (%)</translation>
  </message>
  <message>
   <location filename="../desktop/planner.py" line="293" />
   <source>Position: add a position to the account first</source>
   <translation>仓位：请先在账户中添加仓位</translation>
  </message>
  <message>
   <location filename="../desktop/planner.py" line="274" />
   <source>Loss you accept: type it (the account sets no max acceptable loss)</source>
   <translation>可接受亏损：请输入（账户未设定最大可接受亏损）</translation>
  </message>
  <message>
   <location filename="../desktop/planner.py" line="333" />
   <source>Fills: at most {most} (you typed {typed})</source>
   <translation>成交：最多 {most} 笔（你输入了 {typed} 笔）</translation>
  </message>
  <message>
   <location filename="../desktop/planner.py" line="343" />
   <source>Fill {n} quantity</source>
   <translation>第 {n} 笔成交 数量</translation>
  </message>
  <message>
   <location filename="../desktop/planner.py" line="344" />
   <source>Fill {n} price</source>
   <translation>第 {n} 笔成交 价格</translation>
  </message>
  <message>
   <location filename="../desktop/planner.py" line="194" />
   <source>MMR override (%): must be between 0 and 100</source>
   <translation>维持保证金率覆盖值 (%)：必须在 0 到 100 之间</translation>
  </message>
  <message>
   <location filename="../desktop/planner.py" line="341" />
   <source>Fill {n}: write quantity @ price, e.g. 0.5 @ 60000</source>
   <translation>第 {n} 笔成交：请写成 数量 @ 价格，例如 0.5 @ 60000</translation>
  </message>
  <message>
   <location filename="../desktop/planner.py" line="384" />
   <source>past the liquidation of {id} as it stands ({modes}): the position would be gone before this fills</source>
   <translation>越过了 {id} 当前的强平价格（{modes}）：这笔成交之前仓位已被强平</translation>
  </message>
  <message>
   <location filename="../desktop/planner.py" line="400" />
   <source>margin more than the account has left ({modes})</source>
   <translation>所需保证金超过账户剩余（{modes}）</translation>
  </message>
  <message>
   <location filename="../desktop/planner.py" line="393" />
   <source>past the liquidation after fill {n} ({where}): the position would be gone before this fills</source>
   <translation>越过了第 {n} 笔成交后的强平价格（{where}）：这笔成交之前仓位已被强平</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="36" />
   <source>Long profits when the price rises, short when it falls</source>
   <translation>做多在价格上涨时盈利，做空在价格下跌时盈利</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="37" />
   <source>Isolated: the position has its own margin and can lose at most that. Cross: it shares the account's pool, holds on longer, and can take the pool with it</source>
   <translation>逐仓：仓位有自己的保证金，最多亏掉这部分。全仓：共享账户资金池，扛得更久，但可能把整个资金池一起拖垮</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="26" />
   <source>Quantity (base units)</source>
   <translation>数量（基础币）</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="26" />
   <source>Size in base units, e.g. 0.4 BTC</source>
   <translation>以基础币计的仓位大小，例如 0.4 BTC</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="27" />
   <source>Notional at entry</source>
   <translation>开仓名义价值</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="27" />
   <source>Quantity × entry price, in the settlement currency</source>
   <translation>数量 × 开仓价格，以结算币种计</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="30" />
   <source>Margin × leverage</source>
   <translation>保证金 × 杠杆</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="31" />
   <source>The margin you put up; quantity = margin × leverage / entry</source>
   <translation>你投入的保证金；数量 = 保证金 × 杠杆 / 开仓价格</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="389" />
   <source>your MMR override</source>
   <translation>你的维持保证金率覆盖值</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="391" />
   <source>generic: your own rates</source>
   <translation>通用规则：你自己的费率</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="393" />
   <source>imported</source>
   <translation>已导入</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="393" />
   <source>bundled</source>
   <translation>内置</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="56" />
   <source>Contract symbol, e.g. ETHUSDT: picks the rule set's tier table</source>
   <translation>合约代码，例如 ETHUSDT：决定使用规则集中的哪张档位表</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="61" />
   <source>S&amp;ymbol</source>
   <translation>合约(&amp;Y)</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="62" />
   <source>Si&amp;de</source>
   <translation>方向(&amp;D)</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="64" />
   <source>Isola&amp;ted or cross</source>
   <translation>逐仓或全仓(&amp;T)</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="71" />
   <source>How you give the size; the others follow from it</source>
   <translation>你用哪种方式给出仓位大小；其余随之推算</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="73" />
   <source>Size &amp;as</source>
   <translation>仓位大小单位(&amp;A)</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="75" />
   <source>Size of the position, in the unit chosen above</source>
   <translation>仓位大小，以上面选择的单位计</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="77" />
   <source>&amp;Size</source>
   <translation>仓位大小(&amp;S)</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="78" />
   <source>&amp;Entry price</source>
   <translation>开仓价格(&amp;E)</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="78" />
   <source>Average entry price</source>
   <translation>平均开仓价格</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="81" />
   <source>Mar&amp;k price</source>
   <translation>标记价格(&amp;K)</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="83" />
   <source>Today's mark price of this symbol; empty: the entry price</source>
   <translation>该合约今日的标记价格；留空：取开仓价格</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="84" />
   <source>the entry price</source>
   <translation>开仓价格</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="88" />
   <source>Isolated mar&amp;gin</source>
   <translation>逐仓保证金(&amp;G)</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="90" />
   <source>Isolated margin, added margin included; empty: entry notional / leverage</source>
   <translation>逐仓保证金，含追加的保证金；留空：开仓名义价值 / 杠杆</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="91" />
   <source>notional / leverage</source>
   <translation>名义价值 / 杠杆</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="95" />
   <source>Le&amp;verage ×</source>
   <translation>杠杆 ×(&amp;V)</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="97" />
   <source>Leverage: initial margin = entry notional / leverage</source>
   <translation>杠杆：初始保证金 = 开仓名义价值 / 杠杆</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="102" />
   <source>MMR &amp;override %</source>
   <translation>维持保证金率覆盖值 %(&amp;O)</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="104" />
   <source>Maintenance margin rate override, in %. Empty: the rule set's table decides</source>
   <translation>维持保证金率覆盖值，单位 %。留空：由规则集的档位表决定</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="109" />
   <source>MM a&amp;mount override</source>
   <translation>维持保证金速算额覆盖值(&amp;M)</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="111" />
   <source>Maintenance amount override (Binance 'cum', Bybit 'deduction'), settlement currency; needs the rate above</source>
   <translation>维持保证金速算额覆盖值（币安 'cum'，Bybit 'deduction'），以结算币种计；需要上面的费率</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="117" />
   <source>Quantity × mark price</source>
   <translation>数量 × 标记价格</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="120" />
   <source>Isolated: the position's margin. Cross: entry notional / leverage, drawn from the shared pool</source>
   <translation>逐仓：仓位自己的保证金。全仓：开仓名义价值 / 杠杆，从共享资金池中占用</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="127" />
   <source>Entry notional / initial margin. Differs from the leverage when an explicit isolated margin is given</source>
   <translation>开仓名义价值 / 初始保证金。给出具体逐仓保证金时与杠杆不同</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="134" />
   <source>Maintenance margin at the mark: notional × MMR − amount of the tier in force (the rule set's table or your override)</source>
   <translation>标记价格下的维持保证金：名义价值 × 维持保证金率 − 所在档位的速算额（来自规则集档位表或你的覆盖值）</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="143" />
   <source>Closed at the what-if price (the mark when the what-if does not move it): PnL less the taker fee to open (at the entry) and to close, each quantity × price × rate (Account: Taker fee); break-even: the exit at which the PnL pays both fees</source>
   <translation>按假设价格平仓（假设价格未移动该合约时为标记价格）：盈亏减去开仓（按开仓价）和平仓的吃单手续费，各为 数量 × 价格 × 费率（账户：吃单手续费）；保本价：盈亏恰好抵消两笔手续费的平仓价</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="152" />
   <source>Which table prices this position's maintenance margin, and how old it is: a table you imported from the venue wins over the bundled one</source>
   <translation>哪张表为该仓位的维持保证金定价，以及它有多旧：你从交易所导入的表优先于内置表</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="394" />
   <source>{rules} {symbol}, {origin}, as of {date}</source>
   <translation>{rules} {symbol}，{origin}，日期 {date}</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="158" />
   <source>Notional</source>
   <translation>名义价值</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="159" />
   <source>Initial margin</source>
   <translation>初始保证金</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="160" />
   <source>Effective leverage</source>
   <translation>实际杠杆</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="161" />
   <source>Maintenance</source>
   <translation>维持保证金</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="162" />
   <source>After fees</source>
   <translation>扣费后</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="163" />
   <source>Tier table</source>
   <translation>档位表</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="235" />
   <source>Position (select a row)</source>
   <translation>仓位（请选择一行）</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="330" />
   <source>over 10^12×</source>
   <translation>超过 10^12×</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="241" />
   <source>Position {id}: {symbol} {side}, {mode}</source>
   <translation>仓位 {id}：{symbol} {side}，{mode}</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="293" />
   <source>Contracts ({size} USD each)</source>
   <translation>合约张数（每张 {size} USD）</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="332" />
   <source>{amount} (MMR {rate})</source>
   <translation>{amount}（维持保证金率 {rate}）</translation>
  </message>
  <message>
   <location filename="../desktop/position_form.py" line="343" />
   <source>PnL {pnl} at the what-if · break-even {price}</source>
   <translation>假设价格下盈亏 {pnl} · 保本价 {price}</translation>
  </message>
  <message>
   <location filename="../desktop/positions_table_model.py" line="290" />
   <source> (grey: none typed, so the symbol's mark, or the entry price, is used)</source>
   <translation>（灰色：未输入，采用该合约的标记价格或开仓价格）</translation>
  </message>
  <message>
   <location filename="../desktop/positions_table_model.py" line="291" />
   <source> (grey: none typed, so entry notional / leverage is used)</source>
   <translation>（灰色：未输入，采用开仓名义价值 / 杠杆）</translation>
  </message>
  <message>
   <location filename="../desktop/positions_table_model.py" line="19" />
   <source>A short name for the position, unique in the scenario</source>
   <translation>仓位的简短名称，在方案中唯一</translation>
  </message>
  <message>
   <location filename="../desktop/positions_table_model.py" line="20" />
   <source>Contract symbol, e.g. BTCUSDT; picks the venue's tier table</source>
   <translation>合约代码，例如 BTCUSDT；决定使用交易所的哪张档位表</translation>
  </message>
  <message>
   <location filename="../desktop/positions_table_model.py" line="21" />
   <source>long profits when the price rises, short when it falls</source>
   <translation>做多在价格上涨时盈利，做空在价格下跌时盈利</translation>
  </message>
  <message>
   <location filename="../desktop/positions_table_model.py" line="26" />
   <source>Checked: the position has its own margin (isolated). Unchecked: it shares the cross pool</source>
   <translation>勾选：仓位有自己的保证金（逐仓）。不勾选：共享全仓资金池</translation>
  </message>
  <message>
   <location filename="../desktop/positions_table_model.py" line="31" />
   <source>Size in base units (e.g. BTC)</source>
   <translation>以基础币计的仓位大小（如 BTC）</translation>
  </message>
  <message>
   <location filename="../desktop/positions_table_model.py" line="32" />
   <source>Entry</source>
   <translation>开仓价</translation>
  </message>
  <message>
   <location filename="../desktop/positions_table_model.py" line="32" />
   <source>Average entry price, in {prices}</source>
   <translation>平均开仓价格，单位 {prices}</translation>
  </message>
  <message>
   <location filename="../desktop/positions_table_model.py" line="33" />
   <source>Mark</source>
   <translation>标记价</translation>
  </message>
  <message>
   <location filename="../desktop/positions_table_model.py" line="33" />
   <source>Today's mark price, in {prices}; empty = the entry price</source>
   <translation>今日标记价格，单位 {prices}；留空 = 开仓价格</translation>
  </message>
  <message>
   <location filename="../desktop/positions_table_model.py" line="34" />
   <source>Lev. ×</source>
   <translation>杠杆 ×</translation>
  </message>
  <message>
   <location filename="../desktop/positions_table_model.py" line="34" />
   <source>Leverage: sets initial margin = entry notional / leverage</source>
   <translation>杠杆：初始保证金 = 开仓名义价值 / 杠杆</translation>
  </message>
  <message>
   <location filename="../desktop/positions_table_model.py" line="38" />
   <source>Isolated margin incl. any added margin, in {currency}; empty = notional / leverage</source>
   <translation>逐仓保证金，含追加的保证金，单位 {currency}；留空 = 名义价值 / 杠杆</translation>
  </message>
  <message>
   <location filename="../desktop/positions_table_model.py" line="45" />
   <source>PnL</source>
   <translation>盈亏</translation>
  </message>
  <message>
   <location filename="../desktop/positions_table_model.py" line="46" />
   <source>Profit or loss if closed at the what-if price (the mark when the what-if does not move this symbol): side × quantity × (price − entry), fees not included (the form below shows it after fees, and the break-even price)</source>
   <translation>按假设价格平仓的盈亏（假设价格未移动该合约时为标记价格）：方向 × 数量 × (价格 − 开仓价)，未含手续费（下方表单显示扣费后的盈亏和保本价）</translation>
  </message>
  <message>
   <location filename="../desktop/positions_table_model.py" line="54" />
   <source>ROE</source>
   <translation>收益率</translation>
  </message>
  <message>
   <location filename="../desktop/positions_table_model.py" line="55" />
   <source>Return on the margin put in: PnL / initial margin (isolated: the position's margin)</source>
   <translation>投入保证金的收益率：盈亏 / 初始保证金（逐仓：仓位的保证金）</translation>
  </message>
  <message>
   <location filename="../desktop/positions_table_model.py" line="134" />
   <source>Size in contracts; each contract's USD value is in the form below</source>
   <translation>以合约张数计的仓位大小；每张合约的美元价值见下方表单</translation>
  </message>
  <message>
   <location filename="../desktop/positions_table_model.py" line="205" />
   <source>refused</source>
   <translation>被拒绝</translation>
  </message>
  <message>
   <location filename="../desktop/positions_table_model.py" line="122" />
   <source>Contracts</source>
   <translation>张数</translation>
  </message>
  <message>
   <location filename="../desktop/positions_table_model.py" line="207" />
   <source>row {n}</source>
   <translation>第 {n} 行</translation>
  </message>
  <message>
   <location filename="../desktop/positions_table_model.py" line="209" />
   <source>{field}: '{value}' was not used ({problem})</source>
   <translation>{field}：未采用 '{value}'（{problem}）</translation>
  </message>
  <message>
   <location filename="../desktop/positions_table_model.py" line="118" />
   <source>PnL ({currency})</source>
   <translation>盈亏（{currency}）</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade.py" line="76" />
   <source>Max acceptable loss</source>
   <translation>最大可接受亏损</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade.py" line="114" />
   <source> The book stays at today's mark ({symbol} {mark}); the check read it at {price}.</source>
   <translation>持仓簿仍按今日标记价格（{symbol} {mark}）计算；检查是按 {price} 算的。</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="62" />
   <source>Liquidation price</source>
   <translation>强平价格</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="63" />
   <source>Where the order is liquidated, the rest at their marks</source>
   <translation>订单被强平的价格，其他合约处于标记价格</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="65" />
   <source>Distance</source>
   <translation>距离</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="65" />
   <source>Liquidation price / mark − 1</source>
   <translation>强平价格 / 标记价格 − 1</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="68" />
   <source>Loss if wrong</source>
   <translation>判断错误时的亏损</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="69" />
   <source>What the account loses at the worst move of this symbol against the order, the others at their marks</source>
   <translation>该合约朝不利于订单的方向走到最坏时账户的亏损，其他合约处于标记价格</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="74" />
   <source>Also closes</source>
   <translation>连带平仓</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="74" />
   <source>Existing positions that move takes with it</source>
   <translation>这一波动会连带平掉的现有仓位</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="77" />
   <source>Account max loss</source>
   <translation>账户最大亏损</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="78" />
   <source>The account's max loss if wrong (any move of any symbol), now → after opening</source>
   <translation>账户判断错误时的最大亏损（任一合约任意变动），当前 → 开仓后</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="80" />
   <source>Within what you accept</source>
   <translation>在可接受范围内</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="80" />
   <source>Loss if wrong ≤ your max acceptable loss</source>
   <translation>判断错误时的亏损 ≤ 你的最大可接受亏损</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="83" />
   <source>Largest size within it</source>
   <translation>可接受范围内的最大仓位</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="84" />
   <source>The largest size, at this price and leverage, whose loss if wrong stays within what you accept (and that the account can open)</source>
   <translation>在此价格和杠杆下，判断错误时亏损仍在你可接受范围内（且账户开得出）的最大仓位</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="91" />
   <source>Highest leverage at this margin</source>
   <translation>此保证金下的最高杠杆</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="92" />
   <source>Keeping the order's margin, the highest leverage whose loss if wrong stays within what you accept (and the tier allows)</source>
   <translation>保持订单保证金不变，判断错误时亏损仍在你可接受范围内（且档位允许）的最高杠杆</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="99" />
   <source>Moves existing liquidations</source>
   <translation>改变现有强平价格</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="100" />
   <source>Existing positions whose liquidation price this order moves: before → after</source>
   <translation>该订单会改变其强平价格的现有仓位：之前 → 之后</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="113" />
   <source>The position you are about to open</source>
   <translation>你将要开的仓位</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="115" />
   <source>order symbol</source>
   <translation>订单合约</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="116" />
   <source>order side</source>
   <translation>订单方向</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="119" />
   <source>Quantity in base units, or the margin you give it</source>
   <translation>以基础币计的数量，或你投入的保证金</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="120" />
   <source>order size</source>
   <translation>订单大小</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="126" />
   <source>Size as a quantity (base units) or as the margin you give it</source>
   <translation>以数量（基础币）或投入的保证金给出仓位大小</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="128" />
   <source>Leverage of the order</source>
   <translation>订单杠杆</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="128" />
   <source>order leverage</source>
   <translation>订单杠杆</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="131" />
   <source>order price</source>
   <translation>订单价格</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="139" />
   <source>order mmr</source>
   <translation>订单维持保证金率</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="142" />
   <source>the account's</source>
   <translation>账户设定</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="143" />
   <source>The most you accept to lose if you are wrong</source>
   <translation>判断错误时你愿意承受的最大亏损</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="144" />
   <source>acceptable loss</source>
   <translation>可接受亏损</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="168" />
   <source>order problems</source>
   <translation>订单 问题</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="261" />
   <source>quantity</source>
   <translation>数量</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="123" />
   <source>margin</source>
   <translation>保证金</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="148" />
   <source>as</source>
   <translation>按</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="183" />
   <source>Open it isolated</source>
   <translation>以逐仓开仓</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="183" />
   <source>Open it cross</source>
   <translation>以全仓开仓</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="201" />
   <source>Put that size in the Size field</source>
   <translation>把这个仓位大小填入“仓位大小”栏</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="350" />
   <source>Recommendation: open it ISOLATED</source>
   <translation>建议：以逐仓开仓</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="352" />
   <source>Recommendation: open it CROSS</source>
   <translation>建议：以全仓开仓</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="362" />
   <source>&lt;i&gt;The rules disagree; the first one below decides.&lt;/i&gt;</source>
   <translation>&lt;i&gt;各规则意见不一；以下面第一条为准。&lt;/i&gt;</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="263" />
   <source>contracts ({size} USD)</source>
   <translation>张合约（每张 {size} USD）</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="378" />
   <source>yes</source>
   <translation>是</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="378" />
   <source>NO</source>
   <translation>否</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="421" />
   <source>Opened as {mode}: Ctrl+Z undoes it.</source>
   <translation>已以{mode}开仓：Ctrl+Z 撤销。</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="200" />
   <source>Use the largest size within it ({mode})</source>
   <translation>使用可接受范围内的最大仓位（{mode}）</translation>
  </message>
  <message>
   <location filename="../desktop/pretrade_view.py" line="211" />
   <source>Add this position to the scenario as {mode} (Ctrl+Z undoes it)</source>
   <translation>把这个仓位以{mode}加入方案（Ctrl+Z 撤销）</translation>
  </message>
  <message>
   <location filename="../desktop/replay_view.py" line="35" />
   <source>All symbols</source>
   <translation>所有合约</translation>
  </message>
  <message>
   <location filename="../desktop/replay_view.py" line="41" />
   <source>Flash crash</source>
   <translation>闪崩</translation>
  </message>
  <message>
   <location filename="../desktop/replay_view.py" line="42" />
   <source>Slow bleed</source>
   <translation>阴跌</translation>
  </message>
  <message>
   <location filename="../desktop/replay_view.py" line="43" />
   <source>V-shape</source>
   <translation>V 形</translation>
  </message>
  <message>
   <location filename="../desktop/replay_view.py" line="44" />
   <source>Overnight gap</source>
   <translation>隔夜跳空</translation>
  </message>
  <message>
   <location filename="../desktop/replay_view.py" line="47" />
   <source>a one-candle wick down that recovers at once</source>
   <translation>一根 K 线的向下插针，随即收回</translation>
  </message>
  <message>
   <location filename="../desktop/replay_view.py" line="48" />
   <source>a steady decline over the whole horizon</source>
   <translation>整个时段内持续下跌</translation>
  </message>
  <message>
   <location filename="../desktop/replay_view.py" line="49" />
   <source>down, then all the way back</source>
   <translation>先跌，再全部涨回</translation>
  </message>
  <message>
   <location filename="../desktop/replay_view.py" line="50" />
   <source>the market reopens lower with no trade in between</source>
   <translation>市场重新开盘时更低，中间没有成交</translation>
  </message>
  <message>
   <location filename="../desktop/replay_view.py" line="75" />
   <source>CSV candles…</source>
   <translation>CSV K 线…</translation>
  </message>
  <message>
   <location filename="../desktop/replay_view.py" line="76" />
   <source>The price path to replay: a built-in shape or your own candles</source>
   <translation>要回放的价格路径：内置形态或你自己的 K 线</translation>
  </message>
  <message>
   <location filename="../desktop/replay_view.py" line="79" />
   <source>Which symbol the built-in path moves (others stay at their mark)</source>
   <translation>内置路径移动哪个合约（其他合约保持标记价格）</translation>
  </message>
  <message>
   <location filename="../desktop/replay_view.py" line="81" />
   <source>Depth</source>
   <translation>深度</translation>
  </message>
  <message>
   <location filename="../desktop/replay_view.py" line="82" />
   <source>How far the path goes down, in % of the mark</source>
   <translation>路径下跌多深，以标记价格的 % 计</translation>
  </message>
  <message>
   <location filename="../desktop/replay_view.py" line="83" />
   <source>&amp;Play</source>
   <translation>播放(&amp;P)</translation>
  </message>
  <message>
   <location filename="../desktop/replay_view.py" line="85" />
   <source>Play or pause the replay</source>
   <translation>播放或暂停回放</translation>
  </message>
  <message>
   <location filename="../desktop/replay_view.py" line="88" />
   <source>Candles per animation frame</source>
   <translation>每帧动画的 K 线数</translation>
  </message>
  <message>
   <location filename="../desktop/replay_view.py" line="113" />
   <source>Time (minutes)</source>
   <translation>时间（分钟）</translation>
  </message>
  <message>
   <location filename="../desktop/replay_view.py" line="137" />
   <source>Scrub through the path</source>
   <translation>拖动浏览路径</translation>
  </message>
  <message>
   <location filename="../desktop/replay_view.py" line="90" />
   <source>Path</source>
   <translation>路径</translation>
  </message>
  <message>
   <location filename="../desktop/replay_view.py" line="94" />
   <source>Speed</source>
   <translation>速度</translation>
  </message>
  <message>
   <location filename="../desktop/replay_view.py" line="175" />
   <source>Candles (timestamp, open, high, low, close)</source>
   <translation>K 线（时间戳、开、高、低、收）</translation>
  </message>
  <message>
   <location filename="../desktop/replay_view.py" line="229" />
   <source>Add a position, then pick a path to replay.</source>
   <translation>添加一个仓位，然后选择要回放的路径。</translation>
  </message>
  <message>
   <location filename="../desktop/replay_view.py" line="340" />
   <source>&amp;Pause</source>
   <translation>暂停(&amp;P)</translation>
  </message>
  <message>
   <location filename="../desktop/replay_view.py" line="73" />
   <source>{shape} (default {depth})</source>
   <translation>{shape}（默认 {depth}）</translation>
  </message>
  <message>
   <location filename="../desktop/replay_view.py" line="265" />
   <source>Lowest so far, wicks in: {figures} {currency}</source>
   <translation>迄今最低（含影线）：{figures} {currency}</translation>
  </message>
  <message>
   <location filename="../desktop/replay_view.py" line="274" />
   <source>The lowest equity so far, wicks included (the thin lines): {figures} {currency}</source>
   <translation>迄今最低权益，含影线（细线所示）：{figures} {currency}</translation>
  </message>
  <message>
   <location filename="../desktop/replay_view.py" line="282" />
   <source>Candle {n} of {total} ({minutes} min): {figures}</source>
   <translation>第 {n} / {total} 根 K 线（{minutes} 分钟）：{figures}</translation>
  </message>
  <message>
   <location filename="../desktop/replay_view.py" line="312" />
   <source>✕ … and {n} earlier: hold the pointer here to read them</source>
   <translation>✕ … 之前另有 {n} 条:将指针停在此处即可阅读全部</translation>
  </message>
  <message>
   <location filename="../desktop/replay_view.py" line="320" />
   <source>… and {n} more</source>
   <translation>… 另有 {n} 条</translation>
  </message>
  <message>
   <location filename="../desktop/replay_view.py" line="295" />
   <source>{variant}: {ids} past liquidation before the path starts, lost {amount}</source>
   <translation>{variant}：{ids} 在路径开始前已越过强平，亏损 {amount}</translation>
  </message>
  <message>
   <location filename="../desktop/replay_view.py" line="297" />
   <source>{variant}: {ids} liquidated at {where} (gap), lost {amount}</source>
   <translation>{variant}：{ids} 在 {where} 被强平（跳空），亏损 {amount}</translation>
  </message>
  <message>
   <location filename="../desktop/replay_view.py" line="299" />
   <source>{variant}: {ids} liquidated at {where}, lost {amount}</source>
   <translation>{variant}：{ids} 在 {where} 被强平，亏损 {amount}</translation>
  </message>
  <message>
   <location filename="../desktop/risk_view.py" line="49" />
   <source>1 hour</source>
   <translation>1 小时</translation>
  </message>
  <message>
   <location filename="../desktop/risk_view.py" line="50" />
   <source>8 hours</source>
   <translation>8 小时</translation>
  </message>
  <message>
   <location filename="../desktop/risk_view.py" line="51" />
   <source>1 day</source>
   <translation>1 天</translation>
  </message>
  <message>
   <location filename="../desktop/risk_view.py" line="52" />
   <source>1 week</source>
   <translation>1 周</translation>
  </message>
  <message>
   <location filename="../desktop/risk_view.py" line="54" />
   <source>GBM: volatility and correlation</source>
   <translation>GBM：波动率与相关性</translation>
  </message>
  <message>
   <location filename="../desktop/risk_view.py" line="54" />
   <source>Bootstrap of your candles (CSV)…</source>
   <translation>自助抽样你的 K 线（CSV）…</translation>
  </message>
  <message>
   <location filename="../desktop/risk_view.py" line="324" />
   <source>P(liquidation) {odds}</source>
   <translation>P(强平) {odds}</translation>
  </message>
  <message>
   <location filename="../desktop/risk_view.py" line="328" />
   <source>{ids} past liquidation already, in every path; P(another liquidation) {odds}</source>
   <translation>{ids} 已越过强平（每条路径都算）；P(其他强平) {odds}</translation>
  </message>
  <message>
   <location filename="../desktop/risk_view.py" line="75" />
   <source>Paths</source>
   <translation>路径数</translation>
  </message>
  <message>
   <location filename="../desktop/risk_view.py" line="77" />
   <source>Number of simulated price paths</source>
   <translation>模拟的价格路径条数</translation>
  </message>
  <message>
   <location filename="../desktop/risk_view.py" line="95" />
   <source>80 or BTCUSDT=60, ETHUSDT=90</source>
   <translation>80 或 BTCUSDT=60, ETHUSDT=90</translation>
  </message>
  <message>
   <location filename="../desktop/risk_view.py" line="98" />
   <source>Correlation</source>
   <translation>相关系数</translation>
  </message>
  <message>
   <location filename="../desktop/risk_view.py" line="104" />
   <source>Correlation between every pair of symbols</source>
   <translation>每对合约之间的相关系数</translation>
  </message>
  <message>
   <location filename="../desktop/risk_view.py" line="105" />
   <source>Seed</source>
   <translation>种子</translation>
  </message>
  <message>
   <location filename="../desktop/risk_view.py" line="106" />
   <source>Random seed: the same seed gives the same figures</source>
   <translation>随机种子：相同的种子给出相同的数字</translation>
  </message>
  <message>
   <location filename="../desktop/risk_view.py" line="107" />
   <source>&amp;Run</source>
   <translation>运行(&amp;R)</translation>
  </message>
  <message>
   <location filename="../desktop/risk_view.py" line="108" />
   <source>Simulate in the background</source>
   <translation>在后台模拟</translation>
  </message>
  <message>
   <location filename="../desktop/risk_view.py" line="109" />
   <source>&amp;Cancel</source>
   <translation>取消(&amp;C)</translation>
  </message>
  <message>
   <location filename="../desktop/risk_view.py" line="114" />
   <source>How prices move: random (geometric Brownian motion), or blocks of your own candles drawn at random, wicks included (one CSV per symbol; timestamp, open, high, low, close)</source>
   <translation>价格如何变动：随机（几何布朗运动），或随机抽取你自己 K 线的连续片段，含插针（每个合约一个 CSV；时间戳、开、高、低、收）</translation>
  </message>
  <message>
   <location filename="../desktop/risk_view.py" line="122" />
   <source>Block</source>
   <translation>块长</translation>
  </message>
  <message>
   <location filename="../desktop/risk_view.py" line="125" />
   <source>Bootstrap: consecutive candles drawn together, so runs and volatility clusters in your history survive</source>
   <translation>自助抽样：连续的 K 线一起抽取，因此你历史中的连续行情和波动聚集得以保留</translation>
  </message>
  <message>
   <location filename="../desktop/risk_view.py" line="159" />
   <source>Run a simulation to see the odds of liquidation in each mode.</source>
   <translation>运行一次模拟，查看各模式的强平概率。</translation>
  </message>
  <message>
   <location filename="../desktop/risk_view.py" line="162" />
   <source>P(liquidation): share of paths with any liquidation within the horizon (± one standard error). ES95: mean end equity of the worst 5 % of paths.</source>
   <translation>P(强平)：在时间范围内发生任何强平的路径占比（± 一个标准误）。ES95：最差 5 % 路径的期末权益均值。</translation>
  </message>
  <message>
   <location filename="../desktop/risk_view.py" line="257" />
   <source>Cancelled.</source>
   <translation>已取消。</translation>
  </message>
  <message>
   <location filename="../desktop/risk_view.py" line="227" />
   <source>CSV candles (*.csv);;All files (*)</source>
   <translation>CSV K 线 (*.csv);;所有文件 (*)</translation>
  </message>
  <message>
   <location filename="../desktop/risk_view.py" line="341" />
   <source>; median first liquidation after {hours} h</source>
   <translation>；首次强平的中位时间 {hours} 小时</translation>
  </message>
  <message>
   <location filename="../desktop/risk_view.py" line="83" />
   <source>How far ahead; {n} steps over the horizon</source>
   <translation>向前看多远；整个时段分 {n} 步</translation>
  </message>
  <message>
   <location filename="../desktop/risk_view.py" line="87" />
   <source>Annualised volatility in %, geometric Brownian motion: one number for every symbol (80), or per symbol (BTCUSDT=60, ETHUSDT=90); a lone number sets the symbols not named. Default {volatility}.</source>
   <translation>年化波动率 %，几何布朗运动：所有合约用一个数（80），或按合约分别给出（BTCUSDT=60, ETHUSDT=90）；单独的一个数用于未列出的合约。默认 {volatility}。</translation>
  </message>
  <message>
   <location filename="../desktop/risk_view.py" line="122" />
   <source>candles</source>
   <translation>根K线</translation>
  </message>
  <message>
   <location filename="../desktop/risk_view.py" line="135" />
   <source>Horizon</source>
   <translation>时间范围</translation>
  </message>
  <message>
   <location filename="../desktop/risk_view.py" line="141" />
   <source>Model</source>
   <translation>模型</translation>
  </message>
  <message>
   <location filename="../desktop/risk_view.py" line="142" />
   <source>Volatility %/yr</source>
   <translation>波动率 %/年</translation>
  </message>
  <message>
   <location filename="../desktop/risk_view.py" line="276" />
   <source>{parameters}; start equity {amount}</source>
   <translation>{parameters}；初始权益 {amount}</translation>
  </message>
  <message>
   <location filename="../desktop/risk_view.py" line="304" />
   <source>End equity ({currency})</source>
   <translation>期末权益（{currency}）</translation>
  </message>
  <message>
   <location filename="../desktop/risk_view.py" line="224" />
   <source>Candles for {symbol} (Cancel: {symbol} stays at its mark)</source>
   <translation>{symbol} 的 K 线（取消：{symbol} 保持标记价格）</translation>
  </message>
  <message>
   <location filename="../desktop/risk_view.py" line="298" />
   <source>end equity median {median}, p5 {p5}; ES95 {es}</source>
   <translation>期末权益中位数 {median}，p5 {p5}；ES95 {es}</translation>
  </message>
  <message>
   <location filename="../desktop/risk_view.py" line="293" />
   <source>P(loss &gt; {limit}) {odds}; </source>
   <translation>P(亏损 &gt; {limit}) {odds}；</translation>
  </message>
  <message>
   <location filename="../desktop/spin_boxes.py" line="99" />
   <source>{field}: a whole number</source>
   <translation>{field}：须为整数</translation>
  </message>
  <message>
   <location filename="../desktop/spin_boxes.py" line="102" />
   <source>{field}: between {least} and {most}</source>
   <translation>{field}：须在 {least} 到 {most} 之间</translation>
  </message>
  <message>
   <location filename="../desktop/spin_boxes.py" line="61" />
   <source>{problem}; kept {value}</source>
   <translation>{problem}；保留 {value}</translation>
  </message>
  <message>
   <location filename="../desktop/spin_boxes.py" line="81" />
   <source>{field}: {typed} taken as {value}</source>
   <translation>{field}：{typed} 按 {value} 采用</translation>
  </message>
  <message>
   <location filename="../desktop/style.py" line="46" />
   <source>Price of the symbol at which the position's pool reaches its maintenance margin (equity = MM), with every other symbol at its mark. Tiers are re-solved at the answer.</source>
   <translation>使仓位所在资金池达到维持保证金（权益 = 维持保证金）的该合约价格，其他合约处于标记价格。档位按结果重新求解。</translation>
  </message>
  <message>
   <location filename="../desktop/style.py" line="51" />
   <source>Liquidation price / mark − 1: how far the price can move before liquidation</source>
   <translation>强平价格 / 标记价格 − 1：价格还能移动多少才会强平</translation>
  </message>
  <message>
   <location filename="../desktop/style.py" line="52" />
   <source>Loss boundary: an isolated position can lose its margin; a cross position can lose the whole cross pool (wallet − isolated margins)</source>
   <translation>亏损边界：逐仓仓位最多亏掉其保证金；全仓仓位可能亏掉整个全仓资金池（钱包 − 逐仓保证金）</translation>
  </message>
  <message>
   <location filename="../desktop/style.py" line="56" />
   <source>Maintenance margin / pool equity at the mark (Binance's margin ratio); 100 % means liquidation</source>
   <translation>维持保证金 / 资金池在标记价格下的权益（币安的保证金率）；100 % 即强平</translation>
  </message>
  <message>
   <location filename="../desktop/style.py" line="60" />
   <source>Price at which the pool's equity is 0</source>
   <translation>资金池权益为 0 时的价格</translation>
  </message>
  <message>
   <location filename="../desktop/style.py" line="28" />
   <source>As entered</source>
   <translation>按输入</translation>
  </message>
  <message>
   <location filename="../desktop/style.py" line="29" />
   <source>All isolated</source>
   <translation>全部逐仓</translation>
  </message>
  <message>
   <location filename="../desktop/style.py" line="30" />
   <source>All cross</source>
   <translation>全部全仓</translation>
  </message>
  <message>
   <location filename="../desktop/summary_view.py" line="26" />
   <source>Per symbol: the most each variant loses if that symbol goes against you (from today's equity), and which other positions a liquidation takes. Unfold a row to list them.</source>
   <translation>按合约：若该合约走势与你相反，各方案最多亏多少（从今日权益算起），以及强平会连带哪些其他仓位。展开一行可列出它们。</translation>
  </message>
  <message>
   <location filename="../desktop/summary_view.py" line="30" />
   <source>Add a position to compare isolated and cross.</source>
   <translation>添加一个仓位，对比逐仓与全仓。</translation>
  </message>
  <message>
   <location filename="../desktop/summary_view.py" line="177" />
   <source>nothing else</source>
   <translation>没有其他</translation>
  </message>
  <message>
   <location filename="../desktop/summary_view.py" line="128" />
   <source>If wrong</source>
   <translation>若判断错误</translation>
  </message>
  <message>
   <location filename="../desktop/summary_view.py" line="173" />
   <source>also closes</source>
   <translation>连带平仓</translation>
  </message>
  <message>
   <location filename="../desktop/summary_view.py" line="167" />
   <source>, closes {n} more</source>
   <translation>，连带平仓另外 {n} 个</translation>
  </message>
  <message>
   <location filename="../desktop/summary_view.py" line="158" />
   <source>If {symbol} goes against you, alone</source>
   <translation>若只有 {symbol} 走势与你相反</translation>
  </message>
  <message>
   <location filename="../desktop/symbol_delegate.py" line="41" />
   <source>Any symbol: under the generic rules your MMR override prices it</source>
   <translation>任意合约：在通用规则下由你的维持保证金率覆盖值定价</translation>
  </message>
  <message>
   <location filename="../desktop/symbol_delegate.py" line="37" />
   <source>Type part of a name: the {rules} table's symbols that contain it are offered</source>
   <translation>输入名称的一部分：会列出 {rules} 表中包含它的合约</translation>
  </message>
  <message>
   <location filename="../desktop/unit_captions.py" line="16" />
   <source>{caption} ({unit})</source>
   <translation>{caption}（{unit}）</translation>
  </message>
  <message>
   <location filename="../desktop/what_if_box.py" line="21" />
   <source>What if</source>
   <translation>假设</translation>
  </message>
  <message>
   <location filename="../desktop/what_if_box.py" line="72" />
   <source>What if: a move must stay above −100 % (a price cannot reach 0)</source>
   <translation>假设：变动必须大于 −100 %（价格不能到 0）</translation>
  </message>
  <message>
   <location filename="../desktop/what_if_box.py" line="74" />
   <source>What if: a price must be above 0</source>
   <translation>假设：价格必须大于 0</translation>
  </message>
  <message>
   <location filename="../desktop/what_if_box.py" line="70" />
   <source>What if: '{text}' is not a number</source>
   <translation>假设：'{text}' 不是数字</translation>
  </message>
  <message>
   <location filename="../desktop/what_if_box.py" line="76" />
   <source>What if: at most {value}</source>
   <translation>假设：最多 {value}</translation>
  </message>
  <message>
   <location filename="../desktop/what_if_box.py" line="52" />
   <source>What if: {typed} from the mark taken as {value}</source>
   <translation>假设：相对标记价格 {typed}，按 {value} 采用</translation>
  </message>
  <message>
   <location filename="../desktop/wording.py" line="13" />
   <source>size</source>
   <translation>仓位大小</translation>
  </message>
  <message>
   <location filename="../desktop/wording.py" line="16" />
   <source>entry price</source>
   <translation>开仓价格</translation>
  </message>
  <message>
   <location filename="../desktop/wording.py" line="18" />
   <source>leverage</source>
   <translation>杠杆</translation>
  </message>
  <message>
   <location filename="../desktop/wording.py" line="20" />
   <source>MMR override</source>
   <translation>维持保证金率覆盖值</translation>
  </message>
  <message>
   <location filename="../desktop/wording.py" line="21" />
   <source>MM amount override</source>
   <translation>维持保证金速算额覆盖值</translation>
  </message>
  <message>
   <location filename="../desktop/wording.py" line="22" />
   <source>symbol</source>
   <translation>合约</translation>
  </message>
  <message>
   <location filename="../desktop/wording.py" line="23" />
   <source>side</source>
   <translation>方向</translation>
  </message>
  <message>
   <location filename="../desktop/wording.py" line="25" />
   <source>mode</source>
   <translation>模式</translation>
  </message>
  <message>
   <location filename="../desktop/wording.py" line="28" />
   <source>Currency</source>
   <translation>币种</translation>
  </message>
  <message>
   <location filename="../desktop/wording.py" line="29" />
   <source>Name</source>
   <translation>名称</translation>
  </message>
  <message>
   <location filename="../desktop/wording.py" line="30" />
   <source>Taker fee</source>
   <translation>吃单手续费</translation>
  </message>
  <message>
   <location filename="../desktop/wording.py" line="31" />
   <source>Rules</source>
   <translation>规则</translation>
  </message>
  <message>
   <location filename="../desktop/wording.py" line="32" />
   <source>Positions</source>
   <translation>仓位</translation>
  </message>
  <message>
   <location filename="../desktop/wording.py" line="39" />
   <source>above</source>
   <translation>大于</translation>
  </message>
  <message>
   <location filename="../desktop/wording.py" line="39" />
   <source>at least</source>
   <translation>至少为</translation>
  </message>
  <message>
   <location filename="../desktop/wording.py" line="39" />
   <source>below</source>
   <translation>小于</translation>
  </message>
  <message>
   <location filename="../desktop/wording.py" line="39" />
   <source>at most</source>
   <translation>至多为</translation>
  </message>
  <message>
   <location filename="../desktop/wording.py" line="79" />
   <source>must be {relation} {value}</source>
   <translation>必须{relation} {value}</translation>
  </message>
  <message>
   <location filename="../desktop/wording.py" line="64" />
   <source>position {n}</source>
   <translation>仓位 {n}</translation>
  </message>
  <message>
   <location filename="../engine/files/bounded.py" line="94" />
   <source>not a file</source>
   <translation>不是文件</translation>
  </message>
  <message>
   <location filename="../engine/files/bounded.py" line="81" />
   <source>… and {n} more problems</source>
   <translation>… 另有 {n} 个问题</translation>
  </message>
  <message>
   <location filename="../engine/files/bounded.py" line="39" />
   <source>{target}: not a regular file ({st_mode}); choose a {what}</source>
   <translation>{target}：不是普通文件（{st_mode}）；请选择{what}</translation>
  </message>
  <message>
   <location filename="../engine/files/bounded.py" line="47" />
   <source>{name}: larger than {limit}</source>
   <translation>{name}：大于 {limit}</translation>
  </message>
  <message>
   <location filename="../engine/files/bounded.py" line="86" />
   <source>a folder</source>
   <translation>文件夹</translation>
  </message>
  <message>
   <location filename="../engine/files/bounded.py" line="87" />
   <source>a pipe</source>
   <translation>管道</translation>
  </message>
  <message>
   <location filename="../engine/files/bounded.py" line="88" />
   <source>a device</source>
   <translation>设备</translation>
  </message>
  <message>
   <location filename="../engine/files/bounded.py" line="90" />
   <source>a socket</source>
   <translation>套接字</translation>
  </message>
  <message>
   <location filename="../engine/files/bounded.py" line="35" />
   <source>{target}: cannot be read ({value})</source>
   <translation>{target}：无法读取（{value}）</translation>
  </message>
  <message>
   <location filename="../engine/files/bounded.py" line="57" />
   <source>{target}: not a regular file; choose a {what}</source>
   <translation>{target}：不是普通文件；请选择{what}</translation>
  </message>
  <message>
   <location filename="../engine/files/scenario_io.py" line="140" />
   <source>{name} is not a number JSON allows</source>
   <translation>{name} 不是 JSON 允许的数字</translation>
  </message>
  <message>
   <location filename="../engine/files/scenario_io.py" line="360" />
   <source>{value}: {message}</source>
   <translation>{value}：{message}</translation>
  </message>
  <message>
   <location filename="../engine/files/scenario_io.py" line="92" />
   <source>format: missing; a scenario file says "format": "{format}" (a venue's positions answer comes in with File → Import positions…, or marginlab-cli import)</source>
   <translation>格式：缺失；场景文件应写明 "format": "{format}"（交易所的持仓回复请用“文件 → 导入仓位…”或 marginlab-cli import 导入）</translation>
  </message>
  <message>
   <location filename="../engine/files/scenario_io.py" line="103" />
   <source>format: expected "{format}", found {value}</source>
   <translation>format：应为 "{format}"，实际为 {value}</translation>
  </message>
  <message>
   <location filename="../engine/files/scenario_io.py" line="114" />
   <source>version: must be a whole number &gt;= {oldest}, found {version}</source>
   <translation>version：必须是 &gt;= {oldest} 的整数，实际为 {version}</translation>
  </message>
  <message>
   <location filename="../engine/files/scenario_io.py" line="124" />
   <source>version: this file is version {version}; this Margin Lab reads scenario versions up to {version2}. Update Margin Lab to open it.</source>
   <translation>version：该文件是第 {version} 版；此 Margin Lab 只能读取到第 {version2} 版的方案。请更新 Margin Lab 后再打开。</translation>
  </message>
  <message>
   <location filename="../engine/files/scenario_io.py" line="157" />
   <source>file: larger than {value} MB</source>
   <translation>文件：大于 {value} MB</translation>
  </message>
  <message>
   <location filename="../engine/files/scenario_io.py" line="173" />
   <source>file: JSON nested deeper than {max_depth} levels</source>
   <translation>文件：JSON 嵌套超过 {max_depth} 层</translation>
  </message>
  <message>
   <location filename="../engine/files/scenario_io.py" line="201" />
   <source>linked_accounts: {count} accounts; a file links at most {most}</source>
   <translation>linked_accounts：{count} 个账户；一个文件最多关联 {most} 个</translation>
  </message>
  <message>
   <location filename="../engine/files/scenario_io.py" line="163" />
   <source>file: the key {error} is given twice in one object</source>
   <translation>文件：同一个对象中键 {error} 出现了两次</translation>
  </message>
  <message>
   <location filename="../engine/files/scenario_io.py" line="170" />
   <source>file: not valid JSON ({error})</source>
   <translation>文件：不是有效的 JSON（{error}）</translation>
  </message>
  <message>
   <location filename="../engine/files/scenario_io.py" line="178" />
   <source>file: the top level must be a JSON object (a venue's positions answer comes in with File → Import positions…, or marginlab-cli import)</source>
   <translation>文件：顶层必须是 JSON 对象（交易所的持仓回复请用“文件 → 导入仓位…”或 marginlab-cli import 导入）</translation>
  </message>
  <message>
   <location filename="../engine/files/scenario_io.py" line="183" />
   <source>file: the top level must be a JSON object</source>
   <translation>文件：顶层必须是 JSON 对象</translation>
  </message>
  <message>
   <location filename="../engine/files/scenario_io.py" line="216" />
   <source>{where}positions: {positions} entries; a scenario holds at most {max_positions}</source>
   <translation>{where}positions：{positions} 条；一个情景最多 {max_positions} 条</translation>
  </message>
  <message>
   <location filename="../engine/files/scenario_io.py" line="354" />
   <source>{location}.{message}</source>
   <translation>{location}.{message}</translation>
  </message>
  <message>
   <location filename="../engine/files/tier_import.py" line="50" />
   <source>{source}: no USDT perpetual tiers in it</source>
   <translation>{source}：其中没有 USDT 永续合约的档位</translation>
  </message>
  <message>
   <location filename="../engine/files/tier_import.py" line="37" />
   <source>{source}: {error}</source>
   <translation>{source}：{error}</translation>
  </message>
  <message>
   <location filename="../engine/files/tier_import.py" line="41" />
   <source>{source}: unexpected shape ({name}: {error})</source>
   <translation>{source}：结构不符合预期（{name}：{error}）</translation>
  </message>
  <message>
   <location filename="../engine/files/tier_import.py" line="67" />
   <source>{folder}: cannot be written ({value})</source>
   <translation>{folder}：无法写入（{value}）</translation>
  </message>
  <message>
   <location filename="../engine/files/venue_import.py" line="92" />
   <source>{source} {where}, field {field}: not a finite number</source>
   <translation>{source} {where}，字段 {field}：不是有限的数字</translation>
  </message>
  <message>
   <location filename="../engine/files/venue_import.py" line="185" />
   <source>{source} assetPositions[{index}]: no position object</source>
   <translation>{source} assetPositions[{index}]：没有 position 对象</translation>
  </message>
  <message>
   <location filename="../engine/files/venue_import.py" line="251" />
   <source>{source} {where}, field instId: {symbol} is not an OKX USDT swap Margin Lab knows the contract value of</source>
   <translation>{source} {where}，字段 instId：{symbol} 不是 Margin Lab 知道合约面值的 OKX USDT 永续合约</translation>
  </message>
  <message>
   <location filename="../engine/files/venue_import.py" line="393" />
   <source>{source}: not a venue answer Margin Lab knows (Binance positionRisk, Bybit v5 position list, OKX positions, Hyperliquid clearinghouseState, ccxt fetch_positions)</source>
   <translation>{source}：不是 Margin Lab 认识的交易所返回数据（币安 positionRisk、Bybit v5 持仓列表、OKX positions、Hyperliquid clearinghouseState、ccxt fetch_positions）</translation>
  </message>
  <message>
   <location filename="../engine/files/venue_import.py" line="503" />
   <source>--wallet {wallet}: less than the {least} the file's isolated positions hold as margin</source>
   <translation>--wallet {wallet}：少于文件中逐仓仓位占用的保证金 {least}</translation>
  </message>
  <message>
   <location filename="../engine/files/venue_import.py" line="578" />
   <source>{source} {where}, field {field}: {shown}</source>
   <translation>{source} {where}，字段 {field}：{shown}</translation>
  </message>
  <message>
   <location filename="../engine/files/venue_import.py" line="387" />
   <source>{source}: not valid JSON ({error})</source>
   <translation>{source}：不是有效的 JSON（{error}）</translation>
  </message>
  <message>
   <location filename="../engine/files/venue_import.py" line="487" />
   <source>wallet: the {venue} file does not state the wallet balance; give --wallet (at least {least}, the margin its isolated positions hold)</source>
   <translation>钱包：{venue} 文件中没有钱包余额；请用 --wallet 给出（至少 {least}，即其逐仓仓位占用的保证金）</translation>
  </message>
  <message>
   <location filename="../engine/files/venue_import.py" line="494" />
   <source>wallet: the {venue} file does not state the wallet balance; give --wallet</source>
   <translation>钱包：{venue} 文件中没有钱包余额；请用 --wallet 给出</translation>
  </message>
  <message>
   <location filename="../engine/files/venue_import.py" line="527" />
   <source>mmr: no {chosen} tier table covers {listed}; give a maintenance rate for each, e.g. --mmr {value}={rate} (most {chosen} symbols start at {percent} %)</source>
   <translation>mmr：{chosen} 没有覆盖 {listed} 的档位表；请为每个合约给出维持保证金率，例如 --mmr {value}={rate}（{chosen} 的大多数合约起始为 {percent} %）</translation>
  </message>
  <message>
   <location filename="../engine/files/venue_import.py" line="537" />
   <source>mmr: no {chosen} tier table covers {listed}; give a maintenance rate for each, e.g. --mmr {value}=0.01</source>
   <translation>mmr：{chosen} 没有覆盖 {listed} 的档位表；请为每个合约给出维持保证金率，例如 --mmr {value}=0.01</translation>
  </message>
  <message>
   <location filename="../engine/files/venue_tables.py" line="206" />
   <source>ccxt tiers of a venue Margin Lab has no rule set for</source>
   <translation>Margin Lab 没有对应规则集的交易所的 ccxt 档位</translation>
  </message>
  <message>
   <location filename="../engine/files/venue_tables.py" line="224" />
   <source>not a tier answer Margin Lab knows (Binance leverageBracket, Bybit risk-limit, Hyperliquid meta, ccxt fetch_leverage_tiers)</source>
   <translation>不是 Margin Lab 认识的档位返回数据（币安 leverageBracket、Bybit risk-limit、Hyperliquid meta、ccxt fetch_leverage_tiers）</translation>
  </message>
  <message>
   <location filename="../engine/margin/evaluate.py" line="67" />
   <source>--at {symbol}: unknown symbol (the scenario has: {listed})</source>
   <translation>--at {symbol}：未知的合约（方案中有：{listed}）</translation>
  </message>
  <message>
   <location filename="../engine/margin/evaluate.py" line="75" />
   <source>--at {symbol}: price must be a number &gt; 0 and &lt;= {max_price}</source>
   <translation>--at {symbol}：价格必须是大于 0 且不超过 {max_price} 的数字</translation>
  </message>
  <message>
   <location filename="../engine/margin/models.py" line="340" />
   <source>positions: linear and coin-margined positions settle in different currencies and never share collateral: keep the coin-margined ones in a linked account (linked_accounts)</source>
   <translation>positions：U 本位（线性）与币本位仓位以不同币种结算，从不共用保证金：请把币本位仓位放在关联账户中（linked_accounts）</translation>
  </message>
  <message>
   <location filename="../engine/margin/models.py" line="89" />
   <source>maintenance_amount: given without maintenance_rate</source>
   <translation>maintenance_amount：给出了速算额却没有维持保证金率</translation>
  </message>
  <message>
   <location filename="../engine/margin/models.py" line="222" />
   <source>positions: isolated margins add up to {isolated}, more than account.wallet_balance {wallet_balance}</source>
   <translation>仓位：逐仓保证金合计 {isolated}，超过钱包余额 {wallet_balance}</translation>
  </message>
  <message>
   <location filename="../engine/margin/models.py" line="306" />
   <source>{where}.contract_size: required for a coin-margined position (USD per contract: 100 for Binance COIN-M BTCUSD, 1 for Bybit and BitMEX)</source>
   <translation>{where}.contract_size：币本位仓位必填（每张合约的美元面值：币安币本位 BTCUSD 为 100，Bybit 和 BitMEX 为 1）</translation>
  </message>
  <message>
   <location filename="../engine/margin/models.py" line="328" />
   <source>{where}.contract_size: only a coin-margined position has one</source>
   <translation>{where}.contract_size：只有币本位仓位才有合约面值</translation>
  </message>
  <message>
   <location filename="../engine/margin/models.py" line="332" />
   <source>{where}.contract: coin-margined positions need the generic rule set and an MMR override: no COIN-M or inverse tier table is bundled yet</source>
   <translation>{where}.contract：币本位仓位需要通用规则集和维持保证金率覆盖值：目前尚未内置币本位（反向）合约的档位表</translation>
  </message>
  <message>
   <location filename="../engine/margin/models.py" line="149" />
   <source>linked_accounts[{index}].linked_accounts: a linked account holds no accounts of its own; list them all in the file's linked_accounts</source>
   <translation>linked_accounts[{index}].linked_accounts：关联账户不能再包含自己的账户；请把它们都列在文件的 linked_accounts 中</translation>
  </message>
  <message>
   <location filename="../engine/margin/models.py" line="174" />
   <source>{where}.symbol: '{symbol}' is spelled '{held}' in positions[{first}]; one market, one spelling</source>
   <translation>{where}.symbol: '{symbol}' 在 positions[{first}] 中写作 '{held}'；同一市场只用一种写法</translation>
  </message>
  <message>
   <location filename="../engine/margin/models.py" line="185" />
   <source>{where}.id: '{id}' is already used by positions[{value}]</source>
   <translation>{where}.id：'{id}' 已被 positions[{value}] 使用</translation>
  </message>
  <message>
   <location filename="../engine/margin/models.py" line="216" />
   <source>{where}.{table_problem}</source>
   <translation>{where}.{table_problem}</translation>
  </message>
  <message>
   <location filename="../engine/margin/models.py" line="197" />
   <source>{where}.mark_price: {symbol} already has mark {mark_price} in positions[{first}]</source>
   <translation>{where}.mark_price：{symbol} 在 positions[{first}] 中已有标记价格 {mark_price}</translation>
  </message>
  <message>
   <location filename="../engine/margin/models.py" line="317" />
   <source>{where}.{name}: a coin-margined price must be at least {least} (its reciprocal prices the contract, and may not pass {most})</source>
   <translation>{where}.{name}：币本位合约的价格不能低于 {least}（合约按其倒数定价，倒数不能超过 {most}）</translation>
  </message>
  <message>
   <location filename="../engine/margin/planning.py" line="227" />
   <source>{field}: {problem}</source>
   <translation>{field}：{problem}</translation>
  </message>
  <message>
   <location filename="../engine/margin/planning.py" line="224" />
   <source>must be between 0 and 100 %</source>
   <translation>必须在 0 到 100 % 之间</translation>
  </message>
  <message>
   <location filename="../engine/margin/planning.py" line="413" />
   <source>fill {n}: price and quantity must be numbers &gt; 0</source>
   <translation>第 {n} 笔成交：价格和数量必须是大于 0 的数字</translation>
  </message>
  <message>
   <location filename="../engine/margin/planning.py" line="418" />
   <source>fills: type at least one fill (price and quantity)</source>
   <translation>成交：请至少输入一笔成交（价格和数量）</translation>
  </message>
  <message>
   <location filename="../engine/margin/planning.py" line="420" />
   <source>fills: at most {most} (a ladder, not a trade log)</source>
   <translation>成交：最多 {most} 笔（这是分批建仓计划，不是成交记录）</translation>
  </message>
  <message>
   <location filename="../engine/margin/planning.py" line="845" />
   <source>stop price: must be a number &gt; 0</source>
   <translation>止损价：必须是大于 0 的数字</translation>
  </message>
  <message>
   <location filename="../engine/margin/planning.py" line="853" />
   <source>loss you accept: must be a number &gt; 0</source>
   <translation>可接受亏损：必须是大于 0 的数字</translation>
  </message>
  <message>
   <location filename="../engine/margin/planning.py" line="188" />
   <source>contract: this account holds coin-margined contracts; the order must be one too</source>
   <translation>contract：此账户持有币本位合约；订单也必须是币本位合约</translation>
  </message>
  <message>
   <location filename="../engine/margin/planning.py" line="190" />
   <source>contract: this account holds linear contracts; the order must be one too</source>
   <translation>contract：此账户持有 U 本位（线性）合约；订单也必须是线性合约</translation>
  </message>
  <message>
   <location filename="../engine/margin/planning.py" line="348" />
   <source>Opened isolated, its margin {margin} is more than the {free} the wallet has free beside the isolated margins it holds</source>
   <translation>逐仓开仓时，其保证金 {margin} 超过了钱包在已有逐仓保证金之外的可用余额 {free}</translation>
  </message>
  <message>
   <location filename="../engine/margin/planning.py" line="894" />
   <source>funding rate: must be a fraction between -1 and 1 (0.0001 = 0.01 %)</source>
   <translation>资金费率：必须是 -1 到 1 之间的小数（0.0001 = 0.01 %）</translation>
  </message>
  <message>
   <location filename="../engine/margin/planning.py" line="897" />
   <source>holding time: must be between 0 and 10 years, in hours</source>
   <translation>持仓时长：必须在 0 到 10 年之间，以小时计</translation>
  </message>
  <message>
   <location filename="../engine/margin/planning.py" line="200" />
   <source>letters, digits, _ . : / - only, at most 40</source>
   <translation>只能用字母、数字、_ . : / -，最多 40 个字符</translation>
  </message>
  <message>
   <location filename="../engine/margin/planning.py" line="398" />
   <source>position: no position '{id}' in the account</source>
   <translation>仓位：账户中没有仓位 '{id}'</translation>
  </message>
  <message>
   <location filename="../engine/margin/planning.py" line="634" />
   <source>quantity step: too fine for this size (more than 10^12 steps)</source>
   <translation>数量步长：对这个仓位太细（超过 10^12 步）</translation>
  </message>
  <message>
   <location filename="../engine/margin/planning.py" line="848" />
   <source>stop price: must be below the entry for a long</source>
   <translation>止损价：做多时必须低于开仓价</translation>
  </message>
  <message>
   <location filename="../engine/margin/planning.py" line="850" />
   <source>stop price: must be above the entry for a short</source>
   <translation>止损价：做空时必须高于开仓价</translation>
  </message>
  <message>
   <location filename="../engine/margin/precheck.py" line="60" />
   <source>the brief's habit: compare the mode's loss if wrong with the most you accept</source>
   <translation>原文的习惯：把该模式判断错误时的亏损与你能接受的最大亏损相比</translation>
  </message>
  <message>
   <location filename="../engine/margin/precheck.py" line="63" />
   <source>the brief, 'when to choose': cross for positions that hedge each other</source>
   <translation>原文“如何选择”：互相对冲的仓位用全仓</translation>
  </message>
  <message>
   <location filename="../engine/margin/precheck.py" line="64" />
   <source>the brief, 'when to choose': isolated for high-leverage positions</source>
   <translation>原文“如何选择”：高杠杆仓位用逐仓</translation>
  </message>
  <message>
   <location filename="../engine/margin/precheck.py" line="65" />
   <source>the brief, isolated pros: small experimental bets with a known worst case</source>
   <translation>原文逐仓的优点：小额试探性下注，最坏情况已知</translation>
  </message>
  <message>
   <location filename="../engine/margin/precheck.py" line="66" />
   <source>the brief, 'when to choose': cross for low leverage with ample funds</source>
   <translation>原文“如何选择”：低杠杆且资金充足时用全仓</translation>
  </message>
  <message>
   <location filename="../engine/margin/precheck.py" line="67" />
   <source>the brief, isolated pros: a loss ceiling when the direction is uncertain</source>
   <translation>原文逐仓的优点：方向不确定时给亏损封顶</translation>
  </message>
  <message>
   <location filename="../engine/margin/precheck.py" line="492" />
   <source>No size would.</source>
   <translation>任何仓位大小都不行。</translation>
  </message>
  <message>
   <location filename="../engine/margin/precheck.py" line="261" />
   <source>With {symbol} at {price}, where the order fills, {ids} are past liquidation already: the move there closes them first.</source>
   <translation>{symbol} 到 {price}（该委托成交之处）时，{ids} 已越过强平价：走到那里会先把它们平掉。</translation>
  </message>
  <message>
   <location filename="../engine/margin/precheck.py" line="285" />
   <source>{leverage} is above the {allowed} {venue} allows for {symbol} at a notional of {notional}: the venue would refuse the order.</source>
   <translation>{leverage} 高于 {venue} 在名义价值 {notional} 时允许 {symbol} 使用的 {allowed}：交易所会拒绝该委托。</translation>
  </message>
  <message>
   <location filename="../engine/margin/precheck.py" line="475" />
   <source>{size} {mode}</source>
   <translation>{size}（{mode}）</translation>
  </message>
  <message>
   <location filename="../engine/margin/precheck.py" line="485" />
   <source>At most {sizes} would.</source>
   <translation>最多 {sizes} 才行。</translation>
  </message>
  <message>
   <location filename="../engine/margin/precheck.py" line="487" />
   <source>No size would: without it, a wrong {symbol} already costs the book {loss}.</source>
   <translation>任何仓位大小都不行：即使不开这笔，判断错误的 {symbol} 已让现有持仓亏损 {loss}。</translation>
  </message>
  <message>
   <location filename="../engine/margin/precheck.py" line="678" />
   <source> past {price}</source>
   <translation>越过 {price} 后</translation>
  </message>
  <message>
   <location filename="../engine/margin/precheck.py" line="253" />
   <source>With {symbol} at {price}, where the order fills, {ids} is past liquidation already: the move there closes it first.</source>
   <translation>{symbol} 到 {price}（该委托成交之处）时，{ids} 已越过强平价：走到那里会先把它平掉。</translation>
  </message>
  <message>
   <location filename="../engine/margin/precheck.py" line="483" />
   <source>{first} and {second}</source>
   <translation>{first} 和 {second}</translation>
  </message>
  <message>
   <location filename="../engine/margin/precheck.py" line="628" />
   <source>no price</source>
   <translation>没有价格</translation>
  </message>
  <message>
   <location filename="../engine/margin/precheck.py" line="630" />
   <source>{distance} away</source>
   <translation>相距 {distance}</translation>
  </message>
  <message>
   <location filename="../engine/margin/precheck.py" line="195" />
   <source>size: must be a number &gt; 0</source>
   <translation>仓位大小：必须是大于 0 的数字</translation>
  </message>
  <message>
   <location filename="../engine/margin/precheck.py" line="512" />
   <source> and closes {ids}</source>
   <translation>，并连带平仓 {ids}</translation>
  </message>
  <message>
   <location filename="../engine/margin/precheck.py" line="530" />
   <source>Neither mode keeps a wrong {symbol} within the {accept} you accept (isolated {isolated}, cross {cross}).</source>
   <translation>两种模式都不能把判断错误的 {symbol} 控制在你能接受的 {accept} 以内（逐仓 {isolated}，全仓 {cross}）。</translation>
  </message>
  <message>
   <location filename="../engine/margin/precheck.py" line="573" />
   <source> ({ids} is isolated now: they carry each other only if both are cross)</source>
   <translation>（{ids} 目前是逐仓：只有两边都是全仓才能互相支撑）</translation>
  </message>
  <message>
   <location filename="../engine/margin/precheck.py" line="578" />
   <source> ({ids} are isolated now: they carry each other only if both are cross)</source>
   <translation>（{ids} 目前是逐仓：只有两边都是全仓才能互相支撑）</translation>
  </message>
  <message>
   <location filename="../engine/margin/precheck.py" line="587" />
   <source>It offsets {ids} ({side} {symbol}): in cross the two carry each other, so a swing against one side does not liquidate it alone{note}.</source>
   <translation>它对冲了 {ids}（{side} {symbol}）：在全仓中两者互相支撑，单边不利的波动不会单独强平它{note}。</translation>
  </message>
  <message>
   <location filename="../engine/margin/precheck.py" line="602" />
   <source>At {leverage} a brief wick can liquidate it; isolated keeps that from reaching your other positions.</source>
   <translation>在 {leverage} 下，一次短暂的插针就可能强平它；逐仓可以防止波及你的其他仓位。</translation>
  </message>
  <message>
   <location filename="../engine/margin/precheck.py" line="615" />
   <source>A small bet ({margin}, {share} of the wallet): isolated makes its worst case exactly that margin.</source>
   <translation>小额下注（{margin}，占钱包 {share}）：逐仓让它的最坏情况正好是这笔保证金。</translation>
  </message>
  <message>
   <location filename="../engine/margin/precheck.py" line="636" />
   <source>At {leverage} with the cross liquidation {where}, the account's buffer carries it: cross uses your margin efficiently.</source>
   <translation>在 {leverage} 下，全仓强平{where}，账户的缓冲足以支撑：全仓更有效地利用你的保证金。</translation>
  </message>
  <message>
   <location filename="../engine/margin/precheck.py" line="649" />
   <source>No rule decides it; isolated keeps the loss to its margin, the safer default when you are unsure.</source>
   <translation>没有规则能决定；逐仓把亏损限制在保证金之内，在你拿不准时是更安全的默认选择。</translation>
  </message>
  <message>
   <location filename="../engine/margin/precheck.py" line="517" />
   <source>If {symbol} goes against it{where}, cross can lose {loss}{closes}: more than the {accept} you accept. Isolated stops at {isolated}.</source>
   <translation>若 {symbol} 走势与它相反{where}，全仓可能亏损 {loss}{closes}：超过你能接受的 {accept}。逐仓止于 {isolated}。</translation>
  </message>
  <message>
   <location filename="../engine/margin/precheck.py" line="542" />
   <source>{neither} {sizes}</source>
   <translation>{neither}{sizes}</translation>
  </message>
  <message>
   <location filename="../engine/margin/precheck.py" line="554" />
   <source>Cross keeps a wrong {symbol} within the {accept} you accept; isolated would lose {loss}.</source>
   <translation>全仓能把判断错误的 {symbol} 控制在你能接受的 {accept} 以内；逐仓会亏损 {loss}。</translation>
  </message>
  <message>
   <location filename="../engine/margin/risk_warnings.py" line="265" />
   <source>{id}: leverage {leverage} is above the {allowed} {venue} allows for {symbol} at notional {notional}</source>
   <translation>{id}：杠杆 {leverage} 超过了 {venue} 在名义价值 {notional} 下对 {symbol} 允许的 {allowed}</translation>
  </message>
  <message>
   <location filename="../engine/margin/risk_warnings.py" line="127" />
   <source>{id} is already past its liquidation price{where} at mark {mark}: its {pool} pool counts as liquidated</source>
   <translation>{id} 在标记价格 {mark} 下已越过其强平价格{where}：其{pool}资金池按已强平计算</translation>
  </message>
  <message>
   <location filename="../engine/margin/risk_warnings.py" line="192" />
   <source>over 10^12x</source>
   <translation>超过 10^12x</translation>
  </message>
  <message>
   <location filename="../engine/margin/risk_warnings.py" line="246" />
   <source>{id}: an MMR override of {rate} is above {usual}; venues charge that only on their largest tiers</source>
   <translation>{id}：维持保证金率覆盖值 {rate} 高于 {usual}；交易所只在最大的档位才收这么多</translation>
  </message>
  <message>
   <location filename="../engine/margin/risk_warnings.py" line="78" />
   <source>Max loss {loss} is above your max acceptable loss {limit}</source>
   <translation>最大亏损 {loss} 超过了你的最大可接受亏损 {limit}</translation>
  </message>
  <message>
   <location filename="../engine/margin/risk_warnings.py" line="106" />
   <source>{variant} needs {margin} of margin, more than the wallet's {wallet}: this variant assumes each isolated margin is cut to {scale} of it so that they fit the wallet (higher effective leverage, nearer liquidation prices)</source>
   <translation>{variant}需要 {margin} 的保证金，超过钱包的 {wallet}：该方案假设每笔逐仓保证金都被削减到原来的 {scale}，以便放进钱包（实际杠杆更高，强平价格更近）</translation>
  </message>
  <message>
   <location filename="../engine/margin/risk_warnings.py" line="196" />
   <source>{id}: leverage {leverage} is above the {allowed} the tier allows at notional {notional}</source>
   <translation>{id}：杠杆 {leverage} 超过了档位在名义价值 {notional} 下允许的 {allowed}</translation>
  </message>
  <message>
   <location filename="../engine/margin/risk_warnings.py" line="211" />
   <source>{id}: notional {notional} is beyond the largest tier ({top}); its top tier is used</source>
   <translation>{id}：名义价值 {notional} 超出最大档位（{top}）；按最高档位计算</translation>
  </message>
  <message>
   <location filename="../engine/margin/risk_warnings.py" line="92" />
   <source>Cross initial margin {margin} is above the cross pool {pool}: a venue would not open all of it</source>
   <translation>全仓初始保证金 {margin} 超过全仓资金池 {pool}：交易所不会让你全部开出</translation>
  </message>
  <message>
   <location filename="../engine/margin/rules.py" line="399" />
   <source>{venue} tiers are from {date}, {months} months ago: the venue may have changed them; check its current table or type an MMR override</source>
   <translation>{venue} 的档位表日期为 {date}，已过去 {months} 个月：交易所可能已修改；请核对其当前档位表或输入维持保证金率覆盖值</translation>
  </message>
  <message>
   <location filename="../engine/margin/rules.py" line="446" />
   <source>symbol: {venue} has no tier table for '{symbol}'{where}. Type an MMR override (maintenance_rate) or pick a rule set that covers it</source>
   <translation>合约：{venue} 没有 '{symbol}' 的档位表{where}。请输入维持保证金率覆盖值（maintenance_rate），或选择覆盖它的规则集</translation>
  </message>
  <message>
   <location filename="../engine/margin/rules.py" line="265" />
   <source>{count} contracts</source>
   <translation>{count} 张</translation>
  </message>
  <message>
   <location filename="../engine/margin/rules.py" line="434" />
   <source>; covered by {venues}</source>
   <translation>；{venues} 有它的档位表</translation>
  </message>
  <message>
   <location filename="../engine/margin/rules.py" line="436" />
   <source>; no bundled table covers it</source>
   <translation>；内置档位表都不包含它</translation>
  </message>
  <message>
   <location filename="../engine/margin/rules.py" line="439" />
   <source>symbol: {venue} has no tier table for '{symbol}'{where}. Type an MMR override or pick a rule set that covers it</source>
   <translation>合约：{venue} 没有 '{symbol}' 的档位表{where}。请输入维持保证金率覆盖值，或选择覆盖它的规则集</translation>
  </message>
  <message>
   <location filename="../engine/margin/rules.py" line="428" />
   <source>required under rules 'generic' (type an MMR override)</source>
   <translation>在 'generic' 规则下必填（请输入维持保证金率覆盖值）</translation>
  </message>
  <message>
   <location filename="../engine/paths/montecarlo.py" line="195" />
   <source>correlation: must be {k}×{k}, one row per symbol ({value})</source>
   <translation>相关系数：必须是 {k}×{k}，每个合约一行（{value}）</translation>
  </message>
  <message>
   <location filename="../engine/paths/montecarlo.py" line="202" />
   <source>correlation: must be symmetric with ones on the diagonal</source>
   <translation>相关系数：必须对称且对角线为 1</translation>
  </message>
  <message>
   <location filename="../engine/paths/montecarlo.py" line="415" />
   <source>--paths/--steps: {paths} paths × {steps} steps × {symbols} symbols would run for about {minutes} minutes; keep paths × steps × symbols under {work_budget}</source>
   <translation>--paths/--steps：{paths} 条路径 × {steps} 步 × {symbols} 个合约约需运行 {minutes} 分钟；请让 路径 × 步数 × 合约数 低于 {work_budget}</translation>
  </message>
  <message>
   <location filename="../engine/paths/montecarlo.py" line="442" />
   <source>--paths/--steps: 1-1,000,000 paths and 1-100,000 steps</source>
   <translation>--paths/--steps：1 到 1,000,000 条路径，1 到 100,000 步</translation>
  </message>
  <message>
   <location filename="../engine/paths/montecarlo.py" line="445" />
   <source>--seed {seed}: must be a whole number from 0 to {most}</source>
   <translation>--seed {seed}：必须是 0 到 {most} 之间的整数</translation>
  </message>
  <message>
   <location filename="../engine/paths/montecarlo.py" line="452" />
   <source>horizon: each step must be longer than 0 and at most a year</source>
   <translation>时间范围：每一步必须大于 0 且最多一年</translation>
  </message>
  <message>
   <location filename="../engine/paths/montecarlo.py" line="455" />
   <source>positions: the scenario has none to simulate</source>
   <translation>仓位：方案中没有可模拟的仓位</translation>
  </message>
  <message>
   <location filename="../engine/paths/montecarlo.py" line="89" />
   <source>bootstrap: the candles need at least 2 distinct timestamps</source>
   <translation>自助抽样：K 线至少需要 2 个不同的时间戳</translation>
  </message>
  <message>
   <location filename="../engine/paths/montecarlo.py" line="93" />
   <source>horizon: shorter than one candle ({value} s)</source>
   <translation>时间范围：短于一根 K 线（{value} 秒）</translation>
  </message>
  <message>
   <location filename="../engine/paths/montecarlo.py" line="164" />
   <source>'{item}': must be more than 0 % and at most 2,000 %</source>
   <translation>'{item}'：必须大于 0 % 且不超过 2,000 %</translation>
  </message>
  <message>
   <location filename="../engine/paths/montecarlo.py" line="206" />
   <source>correlation: not positive definite</source>
   <translation>相关系数：不是正定矩阵</translation>
  </message>
  <message>
   <location filename="../engine/paths/montecarlo.py" line="461" />
   <source>volatility: missing for {value}</source>
   <translation>波动率：缺少 {value} 的值</translation>
  </message>
  <message>
   <location filename="../engine/paths/montecarlo.py" line="464" />
   <source>bootstrap: needs at least 3 candles of history</source>
   <translation>自助抽样：至少需要 3 根历史 K 线</translation>
  </message>
  <message>
   <location filename="../engine/paths/montecarlo.py" line="161" />
   <source>'{item}': expected a percentage, e.g. 80 or BTCUSDT=60</source>
   <translation>'{item}'：应为百分比，例如 80 或 BTCUSDT=60</translation>
  </message>
  <message>
   <location filename="../engine/paths/montecarlo.py" line="171" />
   <source>'{item}': {value} is not a symbol of the scenario ({value2})</source>
   <translation>'{item}'：{value} 不是方案中的合约（{value2}）</translation>
  </message>
  <message>
   <location filename="../engine/paths/montecarlo.py" line="468" />
   <source>step_years: a bootstrap steps one candle at a time ({step_years} years); use Bootstrap.step_years and Bootstrap.steps_for(horizon)</source>
   <translation>step_years：自助抽样每步一根 K 线（{step_years} 年）；请使用 Bootstrap.step_years 和 Bootstrap.steps_for(horizon)</translation>
  </message>
  <message>
   <location filename="../engine/paths/replay.py" line="113" />
   <source>path: symbols not in the scenario: {value}</source>
   <translation>路径：不在方案中的合约：{value}</translation>
  </message>
  <message>
   <location filename="../engine/paths/sources.py" line="263" />
   <source>{source} row {number}, column high: below open, close or low</source>
   <translation>{source} 第 {number} 行，high 列：低于开盘、收盘或最低价</translation>
  </message>
  <message>
   <location filename="../engine/paths/sources.py" line="271" />
   <source>{source} row {number}, column low: above open or close</source>
   <translation>{source} 第 {number} 行，low 列：高于开盘或收盘价</translation>
  </message>
  <message>
   <location filename="../engine/paths/sources.py" line="279" />
   <source>{source} row {number}, column timestamp: not after the row before</source>
   <translation>{source} 第 {number} 行，timestamp 列：没有晚于上一行</translation>
  </message>
  <message>
   <location filename="../engine/paths/sources.py" line="90" />
   <source>path: unknown '{name}' (built-in: {value})</source>
   <translation>路径：未知的 '{name}'（内置：{value}）</translation>
  </message>
  <message>
   <location filename="../engine/paths/sources.py" line="95" />
   <source>depth: must be between 0 and 100 %</source>
   <translation>深度：必须在 0 到 100 % 之间</translation>
  </message>
  <message>
   <location filename="../engine/paths/sources.py" line="97" />
   <source>steps: must be between 10 and 100,000</source>
   <translation>步数：必须在 10 到 100,000 之间</translation>
  </message>
  <message>
   <location filename="../engine/paths/sources.py" line="176" />
   <source>{source}: empty file</source>
   <translation>{source}：空文件</translation>
  </message>
  <message>
   <location filename="../engine/paths/sources.py" line="180" />
   <source>{source}: needs at least 2 candles</source>
   <translation>{source}：至少需要 2 根 K 线</translation>
  </message>
  <message>
   <location filename="../engine/paths/sources.py" line="199" />
   <source>{source} row 1: missing column(s) {value} (need {value2})</source>
   <translation>{source} 第 1 行：缺少列 {value}（需要 {value2}）</translation>
  </message>
  <message>
   <location filename="../engine/paths/sources.py" line="318" />
   <source>path: no CSV file given</source>
   <translation>路径：没有给出 CSV 文件</translation>
  </message>
  <message>
   <location filename="../engine/paths/sources.py" line="167" />
   <source>{source} row {line_num}: not CSV ({error})</source>
   <translation>{source} 第 {line_num} 行：不是 CSV（{error}）</translation>
  </message>
  <message>
   <location filename="../engine/paths/sources.py" line="241" />
   <source>{source} row {number}, column {column}: '{shown}' is not a {kind}</source>
   <translation>{source} 第 {number} 行，{column} 列：'{shown}' 不是{kind}</translation>
  </message>
  <message>
   <location filename="../engine/paths/sources.py" line="147" />
   <source>{source}: more than {max_candles} rows</source>
   <translation>{source}：超过 {max_candles} 行</translation>
  </message>
  <message>
   <location filename="../engine/paths/sources.py" line="300" />
   <source>{name}: not UTF-8 text ({reason})</source>
   <translation>{name}：不是 UTF-8 文本（{reason}）</translation>
  </message>
  <message>
   <location filename="../engine/paths/sources.py" line="308" />
   <source>{name}: its timestamps differ from the first file's; give every symbol the same candles times</source>
   <translation>{name}：时间戳与第一个文件不同；请为每个合约提供相同时间的 K 线</translation>
  </message>
  <message>
   <location filename="../engine/text/moves.py" line="112" />
   <source>{where}: '{text}' is not a move (e.g. BTC -30%, ETH 2800)</source>
   <translation>{where}：'{text}' 不是价格变动（例如 BTC -30%, ETH 2800）</translation>
  </message>
  <message>
   <location filename="../engine/text/moves.py" line="61" />
   <source>{move}: expected SYMBOL=PRICE, SYMBOL=PCT% or ALL=PCT% (e.g. BTCUSDT=-30%)</source>
   <translation>{move}：应为 合约=价格、合约=百分比% 或 ALL=百分比%（例如 BTCUSDT=-30%）</translation>
  </message>
  <message>
   <location filename="../engine/text/moves.py" line="68" />
   <source>{move}: a move must stay above -100 %</source>
   <translation>{move}：变动必须大于 -100 %</translation>
  </message>
  <message>
   <location filename="../engine/text/moves.py" line="80" />
   <source>{move}: unknown symbol (the scenario has: {known})</source>
   <translation>{move}：未知的合约（方案中有：{known}）</translation>
  </message>
  <message>
   <location filename="../engine/text/moves.py" line="74" />
   <source>{move}: ALL takes a percentage, e.g. ALL=-20%</source>
   <translation>{move}：ALL 只接受百分比，例如 ALL=-20%</translation>
  </message>
  <message>
   <location filename="../engine/text/moves.py" line="90" />
   <source>{move}: expected SYMBOL=PRICE with a finite price &gt; 0</source>
   <translation>{move}：应为 合约=价格，价格为大于 0 的有限数</translation>
  </message>
  <message>
   <location filename="../engine/text/numbers.py" line="52" />
   <source>is empty</source>
   <translation>为空</translation>
  </message>
  <message>
   <location filename="../engine/text/numbers.py" line="66" />
   <source>'{text}' is not a finite number</source>
   <translation>'{text}' 不是有限的数字</translation>
  </message>
  <message>
   <location filename="../engine/text/numbers.py" line="55" />
   <source>'{text}' is ambiguous: use a point for decimals (1.5) and commas only between groups of three digits (12,500)</source>
   <translation>'{text}' 有歧义：小数请用小数点（1.5），逗号只用于三位一组的千位分隔（12,500）</translation>
  </message>
  <message>
   <location filename="../engine/text/numbers.py" line="64" />
   <source>'{text}' is not a number</source>
   <translation>'{text}' 不是数字</translation>
  </message>
  <message>
   <location filename="../engine/text/numbers.py" line="212" />
   <source>{field}: must be &gt; 0</source>
   <translation>{field}：必须大于 0</translation>
  </message>
  <message>
   <location filename="../engine/text/numbers.py" line="215" />
   <source>{field}: too large</source>
   <translation>{field}：数值太大</translation>
  </message>
  <message>
   <location filename="../engine/text/orders.py" line="107" />
   <source>Figures with {symbol} at {price}, where the order fills (its mark today: {mark}).</source>
   <translation>以下数字按 {symbol} 在 {price}（该委托成交之处）计算（今日标记价格：{mark}）。</translation>
  </message>
  <message>
   <location filename="../engine/text/pydantic_words.py" line="15" />
   <source>must be &gt; {gt}</source>
   <translation>必须大于 {gt}</translation>
  </message>
  <message>
   <location filename="../engine/text/pydantic_words.py" line="16" />
   <source>must be &gt;= {ge}</source>
   <translation>必须大于等于 {ge}</translation>
  </message>
  <message>
   <location filename="../engine/text/pydantic_words.py" line="17" />
   <source>must be &lt; {lt}</source>
   <translation>必须小于 {lt}</translation>
  </message>
  <message>
   <location filename="../engine/text/pydantic_words.py" line="18" />
   <source>must be &lt;= {le}</source>
   <translation>必须小于等于 {le}</translation>
  </message>
  <message>
   <location filename="../engine/text/pydantic_words.py" line="19" />
   <source>required</source>
   <translation>必填</translation>
  </message>
  <message>
   <location filename="../engine/text/pydantic_words.py" line="20" />
   <source>unknown key</source>
   <translation>未知的键</translation>
  </message>
  <message>
   <location filename="../engine/text/pydantic_words.py" line="21" />
   <source>must be a finite number</source>
   <translation>必须是有限的数字</translation>
  </message>
  <message>
   <location filename="../engine/text/pydantic_words.py" line="22" />
   <source>must not be empty</source>
   <translation>不能为空</translation>
  </message>
  <message>
   <location filename="../engine/text/pydantic_words.py" line="23" />
   <source>too long (at most {max_length} characters)</source>
   <translation>太长（最多 {max_length} 个字符）</translation>
  </message>
  <message>
   <location filename="../engine/text/pydantic_words.py" line="24" />
   <source>too many entries (at most {max_length})</source>
   <translation>条目太多（最多 {max_length} 个）</translation>
  </message>
  <message>
   <location filename="../engine/text/pydantic_words.py" line="26" />
   <source>use letters, digits and . _ : / - only</source>
   <translation>只能使用字母、数字和 . _ : / -</translation>
  </message>
  <message>
   <location filename="../engine/text/report_text.py" line="89" />
   <source>The venue says {price}; ours differs by {gap}.</source>
   <translation>交易所显示 {price}；我们的结果相差 {gap}。</translation>
  </message>
  <message>
   <location filename="../engine/text/report_text.py" line="66" />
   <source>≥ 100 % (past liquidation)</source>
   <translation>≥ 100 %（已越过强平）</translation>
  </message>
  <message>
   <location filename="../engine/text/report_text.py" line="75" />
   <source>The venue says {price}; by our tables no price liquidates it.</source>
   <translation>交易所显示 {price}；按我们的档位表，没有价格会强平它。</translation>
  </message>
  <message>
   <location filename="../engine/text/report_text.py" line="82" />
   <source>The venue says {price}; ours differs by {gap}. Likely reasons: the bundled table's date (tiers change), fees or funding the venue takes from the margin, or its rounding and mark-price convention.</source>
   <translation>交易所显示 {price}；我们的结果相差 {gap}。可能的原因：内置档位表的日期（档位会变）、交易所从保证金中扣除的手续费或资金费，或其取整与标记价格约定。</translation>
  </message>
  <message>
   <location filename="../engine/text/report_text.py" line="104" />
   <source>If {symbol} is wrong: {phrases}.</source>
   <translation>若 {symbol} 判断错误：{phrases}。</translation>
  </message>
  <message>
   <location filename="../engine/text/risk_text.py" line="77" />
   <source>{odds} (every one of {paths} paths; above {bound} at 95% confidence)</source>
   <translation>{odds}（{paths} 条路径全部发生；95% 置信度下高于 {bound}）</translation>
  </message>
  <message>
   <location filename="../engine/text/risk_text.py" line="104" />
   <source>{n} days</source>
   <translation>{n} 天</translation>
  </message>
  <message>
   <location filename="../engine/text/risk_text.py" line="135" />
   <source>volatility {vols}, {value} % for the other {n} symbols, a year</source>
   <translation>年化波动率 {vols}，其余 {n} 个合约为 {value} %</translation>
  </message>
  <message>
   <location filename="../engine/text/risk_text.py" line="18" />
   <source>horizon {duration}</source>
   <translation>时间范围 {duration}</translation>
  </message>
  <message>
   <location filename="../engine/text/risk_text.py" line="23" />
   <source>step {value}</source>
   <translation>步长 {value}</translation>
  </message>
  <message>
   <location filename="../engine/text/risk_text.py" line="50" />
   <source>{value} paths, seed {value2}</source>
   <translation>{value} 条路径，种子 {value2}</translation>
  </message>
  <message>
   <location filename="../engine/text/risk_text.py" line="68" />
   <source>{odds} ± {error}</source>
   <translation>{odds} ± {error}</translation>
  </message>
  <message>
   <location filename="../engine/text/risk_text.py" line="71" />
   <source>{odds} (none of {paths} paths; below {bound} at 95% confidence)</source>
   <translation>{odds}（{paths} 条路径均未发生；95% 置信度下低于 {bound}）</translation>
  </message>
  <message>
   <location filename="../engine/text/risk_text.py" line="101" />
   <source>{n} min</source>
   <translation>{n} 分钟</translation>
  </message>
  <message>
   <location filename="../engine/text/risk_text.py" line="103" />
   <source>{n} h</source>
   <translation>{n} 小时</translation>
  </message>
  <message>
   <location filename="../engine/text/risk_text.py" line="121" />
   <source>volatility {vols} a year</source>
   <translation>年化波动率 {vols}</translation>
  </message>
  <message>
   <location filename="../engine/text/risk_text.py" line="126" />
   <source>volatility {value} % a year for each of the {n} symbols</source>
   <translation>年化波动率：{n} 个合约均为 {value} %</translation>
  </message>
  <message>
   <location filename="../engine/text/risk_text.py" line="130" />
   <source>volatility {vols}, {value} % for the other symbol, a year</source>
   <translation>年化波动率 {vols}，其余 1 个合约为 {value} %</translation>
  </message>
  <message>
   <location filename="../engine/text/risk_text.py" line="40" />
   <source>bootstrap of {files} in blocks of {value} {value2} candles ({value3} candles of history)</source>
   <translation>自助抽样 {files}，每块 {value} 根 {value2} K 线（历史 {value3} 根 K 线）</translation>
  </message>
  <message>
   <location filename="../engine/text/risk_text.py" line="29" />
   <source>per pair (see --json)</source>
   <translation>逐对不同（见 --json）</translation>
  </message>
  <message>
   <location filename="../engine/text/risk_text.py" line="30" />
   <source>correlation {shown}</source>
   <translation>相关系数 {shown}</translation>
  </message>
  <message>
   <location filename="../engine/text/risk_text.py" line="32" />
   <source>no drift</source>
   <translation>无漂移</translation>
  </message>
  <message>
   <location filename="../engine/text/risk_text.py" line="32" />
   <source>drift (see --json)</source>
   <translation>有漂移（见 --json）</translation>
  </message>
  <message>
   <location filename="../engine/text/symbol_summaries.py" line="22" />
   <source>as entered</source>
   <translation>按输入</translation>
  </message>
  <message>
   <location filename="../engine/text/symbol_summaries.py" line="23" />
   <source>all isolated</source>
   <translation>全部逐仓</translation>
  </message>
  <message>
   <location filename="../engine/text/symbol_summaries.py" line="24" />
   <source>all cross</source>
   <translation>全部全仓</translation>
  </message>
  <message>
   <location filename="../engine/text/symbol_summaries.py" line="217" />
   <source>{head}{direction}{closes}</source>
   <translation>{head}{direction}{closes}</translation>
  </message>
  <message>
   <location filename="../engine/text/symbol_summaries.py" line="235" />
   <source> and also closes {ids} and {n} more</source>
   <translation>，并连带平仓 {ids} 及另外 {n} 个</translation>
  </message>
  <message>
   <location filename="../engine/text/symbol_summaries.py" line="138" />
   <source>loses at most {loss} (fall)</source>
   <translation>最多亏损 {loss}（下跌）</translation>
  </message>
  <message>
   <location filename="../engine/text/symbol_summaries.py" line="140" />
   <source>loses at most {loss} (rise)</source>
   <translation>最多亏损 {loss}（上涨）</translation>
  </message>
  <message>
   <location filename="../engine/text/symbol_summaries.py" line="193" />
   <source>{variant} is hedged: a fall costs {fall}; only a rise{where} liquidates it (maintenance grows with the price), and then it can lose {rise}</source>
   <translation>{variant}已对冲：下跌损失 {fall}；只有上涨{where}才会强平它（维持保证金随价格增长），届时可能亏损 {rise}</translation>
  </message>
  <message>
   <location filename="../engine/text/symbol_summaries.py" line="204" />
   <source>{variant} can lose {loss}</source>
   <translation>{variant}可能亏损 {loss}</translation>
  </message>
  <message>
   <location filename="../engine/text/symbol_summaries.py" line="206" />
   <source>{variant} loses at most {loss}</source>
   <translation>{variant}最多亏损 {loss}</translation>
  </message>
  <message>
   <location filename="../engine/text/symbol_summaries.py" line="234" />
   <source> and also closes {ids}</source>
   <translation>，并连带平仓 {ids}</translation>
  </message>
  <message>
   <location filename="../engine/text/symbol_summaries.py" line="127" />
   <source>can lose {loss}</source>
   <translation>可能亏损 {loss}</translation>
  </message>
  <message>
   <location filename="../engine/text/symbol_summaries.py" line="129" />
   <source>loses at most {loss}</source>
   <translation>最多亏损 {loss}</translation>
  </message>
  <message>
   <location filename="../engine/text/symbol_summaries.py" line="133" />
   <source>can lose {loss} (fall)</source>
   <translation>可能亏损 {loss}（下跌）</translation>
  </message>
  <message>
   <location filename="../engine/text/symbol_summaries.py" line="135" />
   <source>can lose {loss} (rise)</source>
   <translation>可能亏损 {loss}（上涨）</translation>
  </message>
  <message>
   <location filename="../engine/text/symbol_summaries.py" line="183" />
   <source> to {price}</source>
   <translation>到 {price}</translation>
  </message>
  <message>
   <location filename="../engine/text/symbol_summaries.py" line="185" />
   <source>{variant} is hedged: a rise costs {rise}; only a fall{where} liquidates it (maintenance in the coin grows as the price falls), and then it can lose {fall}</source>
   <translation>{variant}已对冲：上涨损失 {rise}；只有下跌{where}才会强平它（以币计的维持保证金随价格下跌而增长），届时可能亏损 {fall}</translation>
  </message>
  <message>
   <location filename="../engine/text/symbol_summaries.py" line="213" />
   <source> if it falls (a rise: {loss})</source>
   <translation>，若下跌（上涨时：{loss}）</translation>
  </message>
  <message>
   <location filename="../engine/text/symbol_summaries.py" line="215" />
   <source> if it rises (a fall: {loss})</source>
   <translation>，若上涨（下跌时：{loss}）</translation>
  </message>
  <message>
   <location filename="../resources/presets/index.json" line="1" />
   <source>Before you open B (the brief's habit)</source>
   <translation>开 B 之前（原文的习惯）</translation>
  </message>
  <message>
   <location filename="../resources/presets/index.json" line="1" />
   <source>A (ETH long, 3,000 margin) held in cross on 10,000, with 2,500 the most you accept to lose, about to open B (BTC long, 2,000 margin, 10x): the check compares opening it isolated and cross.</source>
   <translation>A（ETH 多单，保证金 3,000）以全仓持有于 10,000 的账户，最多能接受亏损 2,500，准备开 B（BTC 多单，保证金 2,000，10x）：检查对比以逐仓和全仓开它。</translation>
  </message>
  <message>
   <location filename="../resources/presets/before-you-open.json" line="1" />
   <source>Before you open B: ETH long held in cross, 10,000 USDT, accept 2,500</source>
   <translation>开 B 之前：ETH 多单全仓持有，10,000 USDT，可接受亏损 2,500</translation>
  </message>
  <message>
   <location filename="../resources/presets/index.json" line="1" />
   <source>Brief example (A: ETH, B: BTC)</source>
   <translation>原文示例（A：ETH，B：BTC）</translation>
  </message>
  <message>
   <location filename="../resources/presets/index.json" line="1" />
   <source>The brief's two longs: isolated caps B's loss at 2,000; cross holds B far longer but can lose all 10,000.</source>
   <translation>原文的两笔多单：逐仓把 B 的亏损封顶在 2,000；全仓让 B 扛得久得多，但可能亏掉全部 10,000。</translation>
  </message>
  <message>
   <location filename="../resources/presets/seed-example.json" line="1" />
   <source>Brief example: ETH + BTC longs on 10,000 USDT</source>
   <translation>原文示例：10,000 USDT 上的 ETH + BTC 多单</translation>
  </message>
  <message>
   <location filename="../resources/presets/index.json" line="1" />
   <source>Hedged long/short pair</source>
   <translation>对冲的多空组合</translation>
  </message>
  <message>
   <location filename="../resources/presets/index.json" line="1" />
   <source>A long and a short of the same size: in cross they carry each other; in isolated each can be liquidated on its own.</source>
   <translation>同样大小的一多一空：全仓中两者互相支撑；逐仓中每一边都可能被单独强平。</translation>
  </message>
  <message>
   <location filename="../resources/presets/hedged-pair.json" line="1" />
   <source>Hedged pair: BTC long and short on 5,000 USDT</source>
   <translation>对冲组合：5,000 USDT 上的 BTC 一多一空</translation>
  </message>
  <message>
   <location filename="../resources/presets/index.json" line="1" />
   <source>Core position + small high-leverage bet</source>
   <translation>核心仓位 + 小额高杠杆下注</translation>
  </message>
  <message>
   <location filename="../resources/presets/index.json" line="1" />
   <source>The brief's habit: a low-leverage core in cross, a 50x experiment isolated so its loss stops at its margin.</source>
   <translation>原文的习惯：低杠杆的核心仓位用全仓，50x 的试探仓位用逐仓，亏损止于其保证金。</translation>
  </message>
  <message>
   <location filename="../resources/presets/core-plus-bet.json" line="1" />
   <source>Core ETH position in cross, small 50x BTC bet isolated</source>
   <translation>ETH 核心仓位用全仓，50x 小额 BTC 下注用逐仓</translation>
  </message>
  <message>
   <location filename="../resources/presets/index.json" line="1" />
   <source>BTC-margined long beside the same long on USDT</source>
   <translation>币本位 BTC 多单，对比 U 本位同样的多单</translation>
  </message>
  <message>
   <location filename="../resources/presets/index.json" line="1" />
   <source>200 BTCUSD contracts (20,000 USD) on a 0.2 BTC wallet, coin-margined: in USD the long loses twice as BTC falls (fewer coins, each worth less) and is liquidated at 33,500; the grey dashed curve is the same long on 10,000 USDT.</source>
   <translation>0.2 BTC 钱包上的 200 张 BTCUSD 合约（20,000 USD），币本位：以美元计，BTC 下跌时多单双重亏损（币更少，每个币也更不值钱），在 33,500 被强平；灰色虚线是在 10,000 USDT 上的同样多单。</translation>
  </message>
  <message>
   <location filename="../resources/presets/btc-margined-long.json" line="1" />
   <source>BTC-margined BTCUSD long: 0.2 BTC wallet, 20,000 USD at 10x</source>
   <translation>币本位 BTCUSD 多单：0.2 BTC 钱包，20,000 USD，10x</translation>
  </message>
  <message>
   <location filename="../resources/presets/index.json" line="1" />
   <source>Two accounts: a USDT short beside a BTC-margined long</source>
   <translation>两个账户：USDT 空单与 BTC 币本位多单</translation>
  </message>
  <message>
   <location filename="../resources/presets/index.json" line="1" />
   <source>A BTCUSDT short in the USDT account seems to hedge the BTC-margined long, but the two accounts never share collateral: BTC at 40,200 liquidates the BTC account while the short's profit stays in USDT, and BTC at 69,602 liquidates the USDT account while the long's gain stays in BTC. The Show list switches between them.</source>
   <translation>USDT 账户里的 BTCUSDT 空单看似对冲了币本位多单，但两个账户从不共用保证金：BTC 跌到 40,200 时 BTC 账户被强平，空单的盈利留在 USDT 账户里；BTC 涨到 69,602 时 USDT 账户被强平，多单的盈利留在 BTC 账户里。用“显示”列表在两者间切换。</translation>
  </message>
  <message>
   <location filename="../resources/presets/two-accounts.json" line="1" />
   <source>USDT account with a BTCUSDT short, beside a BTC-margined long</source>
   <translation>带 BTCUSDT 空单的 USDT 账户，旁边是 BTC 币本位多单</translation>
  </message>
 </context>
</TS>
