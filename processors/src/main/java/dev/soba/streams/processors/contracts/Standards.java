package dev.soba.streams.processors.contracts;

import java.util.List;
import java.util.Set;

/**
 * Token standards recognised by the selectors a contract dispatches. ERC-20 and ERC-721 use
 * ethereum-etl's own rules ({@code ethereumetl/service/eth_contract_service.py}) so that
 * {@code is_erc20}/{@code is_erc721} agree with it; ERC-1155 and ERC-4626 require their mandatory
 * functions.
 */
public final class Standards {

    private static final List<String> ERC20 = sigs("totalSupply()", "balanceOf(address)", "transfer(address,uint256)",
            "transferFrom(address,address,uint256)", "approve(address,uint256)", "allowance(address,address)");
    private static final List<String> ERC721 = sigs("balanceOf(address)", "ownerOf(uint256)",
            "approve(address,uint256)");
    private static final List<String> ERC721_ANY = sigs("transfer(address,uint256)",
            "transferFrom(address,address,uint256)");
    private static final List<String> ERC1155 = sigs("safeTransferFrom(address,address,uint256,uint256,bytes)",
            "safeBatchTransferFrom(address,address,uint256[],uint256[],bytes)", "balanceOf(address,uint256)",
            "balanceOfBatch(address[],uint256[])", "setApprovalForAll(address,bool)",
            "isApprovedForAll(address,address)");
    private static final List<String> ERC4626 = sigs("asset()", "totalAssets()", "convertToShares(uint256)",
            "convertToAssets(uint256)", "maxDeposit(address)", "previewDeposit(uint256)", "deposit(uint256,address)",
            "maxMint(address)", "previewMint(uint256)", "mint(uint256,address)", "maxWithdraw(address)",
            "previewWithdraw(uint256)", "withdraw(uint256,address,address)", "maxRedeem(address)",
            "previewRedeem(uint256)", "redeem(uint256,address,address)");

    private Standards() {
    }

    private static List<String> sigs(final String... signatures) {
        return java.util.Arrays.stream(signatures).map(Selectors::of).toList();
    }

    public static boolean isErc20(final Set<String> selectors) {
        return selectors.containsAll(ERC20);
    }

    public static boolean isErc721(final Set<String> selectors) {
        return selectors.containsAll(ERC721) && ERC721_ANY.stream().anyMatch(selectors::contains);
    }

    public static boolean isErc1155(final Set<String> selectors) {
        return selectors.containsAll(ERC1155);
    }

    public static boolean isErc4626(final Set<String> selectors) {
        return isErc20(selectors) && selectors.containsAll(ERC4626);
    }
}
